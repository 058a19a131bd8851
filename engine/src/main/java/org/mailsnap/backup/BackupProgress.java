package org.mailsnap.backup;

import org.mailsnap.concurrent.Completion;
import org.mailsnap.concurrent.Counter;

/**
 * Counters the engine updates while a backup runs; a renderer (the CLI) reads them on its own timer. Thread-safe.
 */
public final class BackupProgress {
    public final Completion mailboxes = new Completion();
    public final Counter foldersListed = new Counter();
    public final Counter foldersUnchanged = new Counter();
    public final Counter messagesSeen = new Counter();
    /** Message files opened and stored in this run (new, or re-read by --rescan). */
    public final Counter messagesRead = new Counter();

    public final Counter bytesRead = new Counter();
    /** Known messages whose name or new/cur place changed (flags, keywords, pickup): catalog updates only. */
    public final Counter renamed = new Counter();
    /** Messages that appeared in a folder with content already known in the mailbox (moves, copies). */
    public final Counter movedIn = new Counter();
    /** Placements no longer in their folder (moved out or expunged). */
    public final Counter gone = new Counter();
    /**
     * Files listed under the lock that were in no folder when their bytes were read, in the capture the snapshot
     * kept: expunged after it, or still moving after {@link #recaptured} captures of their mailbox.
     */
    public final Counter vanished = new Counter();
    /** Mailboxes captured again because a listed file had vanished before it was read. */
    public final Counter recaptured = new Counter();
    /** Message files that could not be read (permissions, I/O errors): the run is partial. */
    public final Counter unreadable = new Counter();
    /** With --rescan: known bases whose bytes differ from what was stored (a tool rewrote them in place). */
    public final Counter changedInPlace = new Counter();
    /**
     * Symbolic links found where a mailbox, a folder, or its {@code cur/}, {@code new/} or {@code tmp/} could be:
     * not followed, so what is behind each is not in the snapshot.
     */
    public final Counter notFollowed = new Counter();

    public final Counter lockHoldMaxNanos = new Counter();
    public final Counter lockHoldTotalNanos = new Counter();
}
