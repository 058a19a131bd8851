package org.mailsnap.repository;

import java.io.IOException;

/** Base of every repository-level failure: a checked {@link IOException} whose message names the object. */
public class RepositoryException extends IOException {
    public RepositoryException(String message) {
        super(message);
    }

    public RepositoryException(String message, Throwable cause) {
        super(message, cause);
    }
}
