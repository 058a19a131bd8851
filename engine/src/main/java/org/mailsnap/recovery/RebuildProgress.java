package org.mailsnap.recovery;

import org.mailsnap.concurrent.Completion;
import org.mailsnap.concurrent.Counter;

/**
 * Counters the engine updates while a catalog rebuild runs; a renderer (the CLI) reads them on its own timer.
 * Thread-safe.
 */
public final class RebuildProgress {
    /** Snapshots in the repository; done: those replayed so far. */
    public final Completion snapshots = new Completion();
    /** Manifest chunks fetched and decoded (only those that changed between snapshots, plus the latest ones). */
    public final Counter manifestChunksRead = new Counter();
    /** Header blobs fetched for the search index: one per distinct message. */
    public final Counter headersRead = new Counter();
    /** Distinct messages (mailbox, base) put into the search index. */
    public final Counter messagesIndexed = new Counter();
    /** Messages the search index currently records as gone (not in the latest snapshot replayed so far). */
    public final Counter messagesGone = new Counter();
    /** Placements of the latest snapshots written as the last run's state. */
    public final Counter placementsWritten = new Counter();
    /** Folder states of the latest snapshots written. */
    public final Counter foldersWritten = new Counter();
    /** Catalog write transactions committed. */
    public final Counter commits = new Counter();
    /** Messages indexed without Subject or Message-ID because their header blob could not be read. */
    public final Counter headersUnreadable = new Counter();
}
