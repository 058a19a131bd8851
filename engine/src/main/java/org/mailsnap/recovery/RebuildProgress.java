package org.mailsnap.recovery;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Counters the engine updates while a catalog rebuild runs; a renderer (the CLI) reads them on its own timer.
 * Thread-safe.
 */
public final class RebuildProgress {
    final AtomicLong snapshotsTotal = new AtomicLong();
    final AtomicLong snapshotsDone = new AtomicLong();
    final AtomicLong manifestChunksRead = new AtomicLong();
    final AtomicLong headersRead = new AtomicLong();
    final AtomicLong messagesIndexed = new AtomicLong();
    final AtomicLong messagesGone = new AtomicLong();
    final AtomicLong placementsWritten = new AtomicLong();
    final AtomicLong foldersWritten = new AtomicLong();
    final AtomicLong commits = new AtomicLong();
    final AtomicLong headersUnreadable = new AtomicLong();

    /** Snapshots in the repository. */
    public long snapshotsTotal() {
        return snapshotsTotal.get();
    }

    /** Snapshots replayed so far. */
    public long snapshotsDone() {
        return snapshotsDone.get();
    }

    /** Manifest chunks fetched and decoded (only those that changed between snapshots, plus the latest ones). */
    public long manifestChunksRead() {
        return manifestChunksRead.get();
    }

    /** Header blobs fetched for the search index: one per distinct message. */
    public long headersRead() {
        return headersRead.get();
    }

    /** Distinct messages (mailbox, base) put into the search index. */
    public long messagesIndexed() {
        return messagesIndexed.get();
    }

    /** Messages the search index currently records as gone (not in the latest snapshot replayed so far). */
    public long messagesGone() {
        return messagesGone.get();
    }

    /** Placements of the latest snapshots written as the last run's state. */
    public long placementsWritten() {
        return placementsWritten.get();
    }

    /** Folder states of the latest snapshots written. */
    public long foldersWritten() {
        return foldersWritten.get();
    }

    /** Catalog write transactions committed. */
    /** Messages indexed without Subject or Message-ID because their header blob could not be read. */
    public long headersUnreadable() {
        return headersUnreadable.get();
    }

    public long commits() {
        return commits.get();
    }
}
