package org.mailsnap.repository;

/** There is no repository at the location (no {@code config}). */
public final class NoRepositoryException extends RepositoryException {
    public NoRepositoryException(String message) {
        super(message);
    }
}
