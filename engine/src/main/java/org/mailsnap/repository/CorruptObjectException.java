package org.mailsnap.repository;

import org.mailsnap.codec.CorruptDataException;

/**
 * A repository object that does not follow the format or fails authentication, e.g.
 * {@code "pack 3f2a…: header MAC mismatch (corrupted or wrong key?)"}. The resource is the object as a reader names
 * it: {@code "pack 3f2a…"}, {@code "key file 01ab…"}.
 */
public final class CorruptObjectException extends CorruptDataException {
    public CorruptObjectException(String object, String problem) {
        super(object, problem);
    }

    public CorruptObjectException(String object, String problem, Throwable cause) {
        super(object, problem, cause);
    }
}
