package org.mailsnap.codec;

import java.io.IOException;

/**
 * Bytes that do not follow their format: damaged, truncated, hostile, foreign, or written by a newer mailsnap. The
 * base of every such failure, whatever was read (a repository object, a snapshot chunk, a catalog), so a caller that
 * means "the data is bad" catches this one type. The message is {@code RESOURCE: PROBLEM}, e.g.
 * {@code "pack 3f2a…: header MAC mismatch (corrupted or wrong key?)"} (Lucene's {@code CorruptIndexException} names
 * its resource the same way).
 */
public class CorruptDataException extends IOException {
    private final String resource;
    private final String problem;

    /**
     * @param resource what is damaged, as its reader names it: {@code "pack 3f2a…"}, {@code "manifest chunk 01ab…"}
     * @param problem  what is wrong with it
     */
    public CorruptDataException(String resource, String problem) {
        this(resource, problem, null);
    }

    public CorruptDataException(String resource, String problem, Throwable cause) {
        this(resource, problem, resource + ": " + problem, cause);
    }

    /** For a family member whose message is a sentence of its own rather than {@code RESOURCE: PROBLEM}. */
    protected CorruptDataException(String resource, String problem, String message, Throwable cause) {
        super(message, cause);
        this.resource = resource;
        this.problem = problem;
    }

    /** What is damaged. */
    public String resource() {
        return resource;
    }

    /** What is wrong with it, without the resource. */
    public String problem() {
        return problem;
    }
}
