package org.mailsnap.backup;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.mailsnap.catalog.Catalog;
import org.mailsnap.catalog.CatalogCursor;
import org.mailsnap.catalog.CatalogWriter;
import org.mailsnap.catalog.FolderState;
import org.mailsnap.catalog.KnownMessage;
import org.mailsnap.catalog.MessageInfo;
import org.mailsnap.catalog.PlacementRecord;
import org.mailsnap.catalog.SnapshotSummary;
import org.mailsnap.chunk.RecordChunker;
import org.mailsnap.maildir.MailboxRootListing;
import org.mailsnap.model.BaseNames;
import org.mailsnap.model.FolderKey;
import org.mailsnap.model.Placement;
import org.mailsnap.repository.BlobStore;
import org.mailsnap.snapshot.BlobSink;
import org.mailsnap.snapshot.ContentTable;
import org.mailsnap.snapshot.ManifestWriter;

/**
 * The shared state of one run: the blob store, the open catalog transaction, the chunkers, and the problems the
 * operator must hear about. Owned by the coordinator thread. {@link MailboxRun}'s steps see it only through its
 * roles: {@link LastRunState}, {@link MessageIndex} and the {@link BackupProblem.Sink}.
 *
 * <p>Checkpoints keep one invariant: <em>the catalog only ever commits references to blobs that are published</em>
 * (packs written and read back, index file written), and its blob index only holds blobs an index file lists
 * ({@link RunBlobIndex}). So a checkpoint is: flush the blob store, hand the flushed blobs to the catalog's blob
 * index, then commit. A run killed between checkpoints loses only work since the last one; a run killed after one
 * still leaves a catalog whose every folder state can be reused as it is.
 */
final class RunState implements LastRunState, MessageIndex, BackupProblem.Sink {
    private final Catalog catalog;
    final BlobStore blobs;
    final RunBlobIndex blobIndex;
    /** The blob store, its failures marked as the repository's (see {@link MessageReads#marking}). */
    final BlobSink sink;

    final String storeKey;
    final BaseNames bases;
    final ManifestWriter.Chunkers manifestChunkers;
    final ControlFileStorer controlFiles;
    final BackupSettings settings;
    final BackupProgress progress;
    final Instant start;
    /** The store's latest snapshot before this run, if any. */
    final Optional<SnapshotSummary> parent;
    /**
     * Every blob the catalog's state of the store names is stored: a finished run recorded that state's snapshot and
     * no prune was seen since ({@link org.mailsnap.catalog.Catalog#pruneSeen}); a run that stopped after it added
     * only published blobs. False for a new store, an older catalog, and after a prune, until a run finishes.
     */
    final boolean stateBlobsStored;

    private final List<BackupProblem> problems = new ArrayList<>();
    private CatalogWriter writer;
    private long readAtCheckpoint;

    RunState(
            Catalog catalog,
            BlobStore blobs,
            RunBlobIndex blobIndex,
            String storeKey,
            ManifestWriter.Chunkers manifestChunkers,
            RecordChunker lineChunker,
            BackupSettings settings,
            BackupProgress progress,
            Instant start,
            Optional<SnapshotSummary> parent)
            throws IOException {
        this.catalog = catalog;
        this.blobs = blobs;
        this.blobIndex = blobIndex;
        this.sink = MessageReads.marking(blobs);
        this.storeKey = storeKey;
        this.bases = new BaseNames(settings.separator());
        this.manifestChunkers = manifestChunkers;
        this.controlFiles = new ControlFileStorer(lineChunker, sink);
        this.settings = settings;
        this.progress = progress;
        this.start = start;
        this.parent = parent;
        this.writer = catalog.beginWrite();
        this.stateBlobsStored = writer.stateSnapshot(storeKey).isPresent();
    }

    /**
     * Catalog records changed between two checkpoints at most (give or take one mailbox). A renamed message's
     * records sit on pages of their own, and LMDB holds a transaction's dirty pages in memory (malloc'd, and kept
     * for reuse after the commit): a 1 M-message churn hour changes ~100k records all over the catalog
     * (benchmarks/results/design-measurements.md). With 50,000 such an hour peaked at 380 MB, 200 MB of it in malloc
     * arenas; with 10,000 at 238-244 MB in the same time, for ~7 index files an hour instead of ~3; with 5,000 at
     * 214 MB for 13 (benchmarks/results/2026-12-06-pack-spool). A first run changes about two records per message
     * read, so it checkpoints every ~5,000 messages.
     */
    static final long CHANGES_PER_CHECKPOINT = 10_000;

    /** Between mailboxes: publish what was stored and commit, once enough was read or changed since the last time. */
    void maybeCheckpoint() throws IOException {
        if (progress.messagesRead.get() - readAtCheckpoint >= settings.checkpointMessages()
                || writer.changes() >= CHANGES_PER_CHECKPOINT) {
            flush();
            writer.markRunUnfinished(storeKey); // until the snapshot is saved, nothing references what it recorded
            writer.commit();
            writer = catalog.beginWrite();
            readAtCheckpoint = progress.messagesRead.get();
        }
    }

    /** Publishes what was stored, then lets the catalog know the blobs the index files now list. */
    void flush() throws IOException {
        blobs.flush();
        blobIndex.flushed(blobs.writtenIndexIds());
    }

    /** Records the saved snapshot and commits the run's last changes. */
    void commit(SnapshotSummary snapshot) throws IOException {
        writer.putSnapshot(snapshot);
        writer.putStateSnapshot(storeKey, snapshot.id());
        writer.clearUnfinishedRun(storeKey);
        writer.commit();
    }

    /** Ends the open transaction and discards the packs being filled; what was not committed is dropped. */
    void close() throws IOException {
        try {
            writer.close();
        } finally {
            blobs.close();
        }
    }

    @Override
    public void report(BackupProblem problem) {
        problems.add(problem);
    }

    /** How many problems were reported so far. */
    int problemCount() {
        return problems.size();
    }

    /** Every problem reported so far, in order. */
    List<BackupProblem> problems() {
        return List.copyOf(problems);
    }

    /** The mailboxes that could not be captured, in the order they were reported. */
    List<String> failedMailboxes() {
        return problems.stream()
                .filter(p -> p instanceof BackupProblem.MailboxNotBackedUp)
                .map(p -> ((BackupProblem.MailboxNotBackedUp) p).mailbox())
                .toList();
    }

    @Override
    public List<FolderKey> folders() throws IOException {
        return writer.folders(storeKey);
    }

    @Override
    public Optional<FolderState> folder(FolderKey key) throws IOException {
        return writer.folder(storeKey, key);
    }

    @Override
    public List<Placement> placements(FolderKey key) throws IOException {
        List<Placement> list = new ArrayList<>();
        try (CatalogCursor<PlacementRecord> cursor = writer.placements(storeKey, key)) {
            while (cursor.hasNext()) {
                list.add(cursor.next().placement());
            }
        }
        return list;
    }

    @Override
    public void putFolder(FolderKey key, FolderState state) throws IOException {
        writer.putFolder(storeKey, key, state);
    }

    @Override
    public void deleteFolder(FolderKey key) throws IOException {
        writer.deleteFolder(storeKey, key);
    }

    void putMailboxRoot(String mailbox, MailboxRootListing listing) throws IOException {
        writer.putMailboxRoot(storeKey, mailbox, listing);
    }

    void deleteMailboxRoot(String mailbox) throws IOException {
        writer.deleteMailboxRoot(storeKey, mailbox);
    }

    @Override
    public void putPlacement(FolderKey key, PlacementRecord placement) throws IOException {
        writer.putPlacement(storeKey, key, placement);
    }

    @Override
    public void deletePlacement(FolderKey key, String base) throws IOException {
        writer.deletePlacement(storeKey, key, base);
    }

    @Override
    public Optional<ContentTable> contentTable(String mailbox) throws IOException {
        return writer.contentTable(storeKey, mailbox);
    }

    @Override
    public void putContentTable(String mailbox, ContentTable table) throws IOException {
        writer.putContentTable(storeKey, mailbox, table);
    }

    @Override
    public void deleteContentTable(String mailbox) throws IOException {
        writer.deleteContentTable(storeKey, mailbox);
    }

    @Override
    public Optional<KnownMessage> content(String mailbox, String guid) throws IOException {
        return writer.content(mailbox, guid);
    }

    @Override
    public void putContent(String mailbox, String guid, KnownMessage content) throws IOException {
        writer.putContent(mailbox, guid, content);
    }

    @Override
    public Optional<MessageInfo> message(String mailbox, String guid) throws IOException {
        return writer.message(mailbox, guid);
    }

    @Override
    public void putMessage(String mailbox, String guid, MessageInfo info) throws IOException {
        writer.putMessage(mailbox, guid, info);
    }
}
