package org.mailsnap.repository;

import java.io.IOException;

/**
 * Base of the repository's failures other than damaged data: a checked {@link IOException} whose message names the
 * object. Damaged or foreign data is a {@link org.mailsnap.codec.CorruptDataException} ({@link CorruptObjectException}
 * for an object), whichever layer read it.
 */
public class RepositoryException extends IOException {
    public RepositoryException(String message) {
        super(message);
    }

    public RepositoryException(String message, Throwable cause) {
        super(message, cause);
    }
}
