package org.mailsnap.repository;

/** {@code init} found a repository (a {@code config}) already there, and left it alone. */
public final class RepositoryExistsException extends RepositoryException {
    public RepositoryExistsException(String message) {
        super(message);
    }
}
