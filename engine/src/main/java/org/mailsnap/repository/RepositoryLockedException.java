package org.mailsnap.repository;

/** A fresh conflicting lock is held; the message names its host, pid and age. */
public final class RepositoryLockedException extends RepositoryException {
    private final LockInfo holder;

    public RepositoryLockedException(String message, LockInfo holder) {
        super(message);
        this.holder = holder;
    }

    /** The conflicting lock. */
    public LockInfo holder() {
        return holder;
    }
}
