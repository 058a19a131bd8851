package org.mailsnap.repository;

/**
 * No key file opened with the password. AEAD cannot tell a wrong password from a damaged key file; {@code check}
 * tells more.
 */
public final class WrongPasswordException extends RepositoryException {
    public WrongPasswordException(String message) {
        super(message);
    }
}
