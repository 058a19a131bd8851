package org.mailsnap.backup;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Counters the engine updates while a backup runs; a renderer (the CLI) reads them on its own timer. Thread-safe.
 */
public final class BackupProgress {
    final AtomicLong mailboxesTotal = new AtomicLong();
    final AtomicLong mailboxesDone = new AtomicLong();
    final AtomicLong foldersListed = new AtomicLong();
    final AtomicLong foldersUnchanged = new AtomicLong();
    final AtomicLong messagesSeen = new AtomicLong();
    final AtomicLong messagesRead = new AtomicLong();
    final AtomicLong bytesRead = new AtomicLong();
    final AtomicLong renamed = new AtomicLong();
    final AtomicLong movedIn = new AtomicLong();
    final AtomicLong gone = new AtomicLong();
    final AtomicLong vanished = new AtomicLong();
    final AtomicLong recaptured = new AtomicLong();
    final AtomicLong unreadable = new AtomicLong();
    final AtomicLong changedInPlace = new AtomicLong();
    final AtomicLong notFollowed = new AtomicLong();
    final AtomicLong lockHoldMaxNanos = new AtomicLong();
    final AtomicLong lockHoldTotalNanos = new AtomicLong();

    /**
     * Symbolic links found where a mailbox, a folder, or its {@code cur/}, {@code new/} or {@code tmp/} could be:
     * not followed, so what is behind each is not in the snapshot.
     */
    public long notFollowed() {
        return notFollowed.get();
    }

    public long mailboxesTotal() {
        return mailboxesTotal.get();
    }

    public long mailboxesDone() {
        return mailboxesDone.get();
    }

    public long foldersListed() {
        return foldersListed.get();
    }

    public long foldersUnchanged() {
        return foldersUnchanged.get();
    }

    public long messagesSeen() {
        return messagesSeen.get();
    }

    /** Message files opened and stored in this run (new, or re-read by --rescan). */
    public long messagesRead() {
        return messagesRead.get();
    }

    public long bytesRead() {
        return bytesRead.get();
    }

    /** Known messages whose name or new/cur place changed (flags, keywords, pickup): catalog updates only. */
    public long renamed() {
        return renamed.get();
    }

    /** Messages that appeared in a folder with content already known in the mailbox (moves, copies). */
    public long movedIn() {
        return movedIn.get();
    }

    /** Placements no longer in their folder (moved out or expunged). */
    public long gone() {
        return gone.get();
    }

    /**
     * Files listed under the lock that were in no folder when their bytes were read, in the capture the snapshot
     * kept: expunged after it, or still moving after {@link #recaptured()} captures of their mailbox.
     */
    public long vanished() {
        return vanished.get();
    }

    /** Mailboxes captured again because a listed file had vanished before it was read. */
    public long recaptured() {
        return recaptured.get();
    }

    /** Message files that could not be read (permissions, I/O errors): the run is partial. */
    public long unreadable() {
        return unreadable.get();
    }

    /** With --rescan: known bases whose bytes differ from what was stored (a tool rewrote them in place). */
    public long changedInPlace() {
        return changedInPlace.get();
    }

    public long lockHoldMaxNanos() {
        return lockHoldMaxNanos.get();
    }

    public long lockHoldTotalNanos() {
        return lockHoldTotalNanos.get();
    }
}
