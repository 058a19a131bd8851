package org.mailsnap.backup;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.mailsnap.catalog.Catalog;
import org.mailsnap.catalog.CatalogWriter;
import org.mailsnap.chunk.RecordChunker;
import org.mailsnap.model.BaseNames;
import org.mailsnap.repository.BlobStore;
import org.mailsnap.snapshot.BlobSink;

/**
 * The shared state of one run: the blob store, the open catalog transaction, the chunkers, and what the operator
 * must hear about. Owned by the coordinator thread.
 *
 * <p>Checkpoints keep one invariant: <em>the catalog only ever commits references to blobs that are published</em>
 * (packs written and read back, index file written), and its blob index only holds blobs an index file lists
 * ({@link RunBlobIndex}). So a checkpoint is: flush the blob store, hand the flushed blobs to the catalog's blob
 * index, then commit. A run
 * killed between checkpoints loses only work since the last one; a run killed after one still leaves a catalog
 * whose every folder state can be reused as it is.
 */
final class RunState {
    final Catalog catalog;
    final BlobStore blobs;
    final RunBlobIndex blobIndex;
    final BlobSink sink;
    final String storeKey;
    final BaseNames bases;
    final RecordChunker manifestChunker;
    final ControlFileStorer controlFiles;
    final BackupSettings settings;
    final BackupProgress progress;
    final Instant start;
    final String parentId;
    final Instant parentTime;
    final List<String> problems = new ArrayList<>();
    final List<String> failedMailboxes = new ArrayList<>();
    CatalogWriter writer;
    long readSinceCheckpoint;

    RunState(Catalog catalog, BlobStore blobs, RunBlobIndex blobIndex, String storeKey, RecordChunker manifestChunker,
             RecordChunker lineChunker, BackupSettings settings, BackupProgress progress, Instant start,
             String parentId, Instant parentTime) throws IOException {
        this.catalog = catalog;
        this.blobs = blobs;
        this.blobIndex = blobIndex;
        this.sink = MessageReads.marking(blobs::put);
        this.storeKey = storeKey;
        this.bases = new BaseNames(settings.separator());
        this.manifestChunker = manifestChunker;
        this.controlFiles = new ControlFileStorer(lineChunker, sink);
        this.settings = settings;
        this.progress = progress;
        this.start = start;
        this.parentId = parentId;
        this.parentTime = parentTime;
        this.writer = catalog.beginWrite();
    }

    /**
     * Catalog records changed between two checkpoints at most (give or take one mailbox). A renamed message's
     * records sit on pages of their own, and LMDB holds a transaction's dirty pages in memory: a 1 M-message churn
     * hour changes ~100k records all over the catalog, and in one transaction they are a part of that hour's peak
     * memory (benchmarks/results/design-measurements.md). A first run changes about five records per message read,
     * so it checkpoints about as often as before.
     */
    static final long CHANGES_PER_CHECKPOINT = 50_000;

    /** Between mailboxes: publish what was stored and commit, once enough was read or changed since the last time. */
    void maybeCheckpoint() throws IOException {
        if (readSinceCheckpoint >= settings.checkpointMessages() || writer.changes() >= CHANGES_PER_CHECKPOINT) {
            flush();
            writer.commit();
            writer = catalog.beginWrite();
            readSinceCheckpoint = 0;
        }
    }

    /** Publishes what was stored, then lets the catalog know the blobs the index files now list. */
    void flush() throws IOException {
        blobs.flush();
        blobIndex.flushed(blobs.writtenIndexIds());
    }

    void problem(String line) {
        problems.add(line);
    }
}
