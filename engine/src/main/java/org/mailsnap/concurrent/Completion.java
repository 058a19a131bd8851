package org.mailsnap.concurrent;

/**
 * How many of a known number of items an operation has done: the mailboxes of a backup, the folders of a restore,
 * the snapshots of a rebuild, the index files and snapshots of a check. A renderer derives the share done and the
 * time left from the pair. Thread-safe.
 */
public final class Completion {
    /** The items to do, set once they are known. */
    public final Counter total = new Counter();
    /** The items done, or being done where the operation counts an item as it starts it. */
    public final Counter done = new Counter();
}
