package org.mailsnap.repository;

/**
 * An object that does not follow the format or fails authentication, e.g.
 * {@code "pack 3f2a…: header MAC mismatch (corrupted or wrong key?)"}.
 */
public final class CorruptObjectException extends RepositoryException {
    private final String object;
    private final String problem;

    /**
     * @param object  what is damaged, as a reader says it: {@code "pack 3f2a…"}, {@code "key file 01ab…"}
     * @param problem what is wrong with it
     */
    public CorruptObjectException(String object, String problem) {
        super(object + ": " + problem);
        this.object = object;
        this.problem = problem;
    }

    public CorruptObjectException(String object, String problem, Throwable cause) {
        super(object + ": " + problem, cause);
        this.object = object;
        this.problem = problem;
    }

    public String object() {
        return object;
    }

    public String problem() {
        return problem;
    }
}
