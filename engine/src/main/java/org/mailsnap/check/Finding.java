package org.mailsnap.check;

/**
 * One thing check found, naming the object.
 *
 * @param object  what it is about: {@code "pack 3f2a…"}, {@code "index 12ab…"}, {@code "snapshot 9c0d…"}
 * @param problem what is wrong, or what was left behind
 */
public record Finding(String object, String problem) {
    @Override
    public String toString() {
        return object + ": " + problem;
    }
}
