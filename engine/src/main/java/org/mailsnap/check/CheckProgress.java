package org.mailsnap.check;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Counters a check updates as it goes (index files with their packs, then snapshots); a renderer reads them on a
 * timer from another thread.
 */
public final class CheckProgress {
    final AtomicLong indexFilesTotal = new AtomicLong();
    final AtomicLong indexFilesDone = new AtomicLong();
    final AtomicLong packsRead = new AtomicLong();
    final AtomicLong blobsRead = new AtomicLong();
    final AtomicLong snapshotsTotal = new AtomicLong();
    final AtomicLong snapshotsDone = new AtomicLong();

    public long indexFilesTotal() {
        return indexFilesTotal.get();
    }

    /** Index files whose packs are being or have been checked (headers, or read whole when selected). */
    public long indexFilesDone() {
        return indexFilesDone.get();
    }

    /** Packs read whole and verified blob by blob ({@code --read-data}). */
    public long packsRead() {
        return packsRead.get();
    }

    public long blobsRead() {
        return blobsRead.get();
    }

    public long snapshotsTotal() {
        return snapshotsTotal.get();
    }

    /** Snapshots whose trees and manifests are being or have been walked. */
    public long snapshotsDone() {
        return snapshotsDone.get();
    }
}
