package org.mailsnap.history;

/**
 * A snapshot object that cannot be read (damaged, truncated, garbage): it is skipped, so that every other snapshot
 * stays listable and restorable, and reported.
 *
 * @param id      the object's id (its name under {@code snapshots/})
 * @param problem why it cannot be read, naming the object
 */
public record DamagedSnapshot(String id, String problem) {
    /** One line for the operator. */
    public String describe() {
        return "snapshot " + id.substring(0, Math.min(12, id.length())) + " is damaged and skipped: " + problem;
    }
}
