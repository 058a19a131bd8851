package org.mailsnap.repository;

import org.mailsnap.codec.CorruptDataException;

/**
 * Repository data that does not follow the format or fails authentication: an object, a blob in a pack, or a record
 * decoded from one (a snapshot, a tree, manifest or ledger chunk), e.g.
 * {@code "pack 3f2a…: header MAC mismatch (corrupted or wrong key?)"}. The resource is named as its reader names it:
 * {@code "pack 3f2a…"}, {@code "key file 01ab…"}, {@code "manifest chunk 01ab…"}. Code that skips damaged
 * repository data catches this type (with {@link org.mailsnap.codec.UnsupportedVersionException} for a format too new
 * or too old), never the whole {@link CorruptDataException} family, which also holds the local catalog's damage.
 */
public final class CorruptObjectException extends CorruptDataException {
    public CorruptObjectException(String object, String problem) {
        super(object, problem);
    }

    public CorruptObjectException(String object, String problem, Throwable cause) {
        super(object, problem, cause);
    }
}
