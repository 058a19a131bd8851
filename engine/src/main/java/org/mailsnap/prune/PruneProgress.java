package org.mailsnap.prune;

import java.util.concurrent.atomic.AtomicLong;

/** Counters a prune updates as it goes; a renderer reads them on a timer from another thread. */
public final class PruneProgress {
    private volatile String phase = "starting";
    public final AtomicLong indexFilesRead = new AtomicLong();
    public final AtomicLong snapshotsMarked = new AtomicLong();
    public final AtomicLong liveBlobs = new AtomicLong();
    public final AtomicLong packsRepacked = new AtomicLong();
    public final AtomicLong bytesRepacked = new AtomicLong();
    public final AtomicLong objectsDeleted = new AtomicLong();

    public String phase() {
        return phase;
    }

    void phase(String value) {
        phase = value;
    }

    /** {@code "marking: 12 snapshots, 40211 live blobs"}, for a progress line. */
    public String describe() {
        return phase + ": " + indexFilesRead.get() + " index files read, " + snapshotsMarked.get() + " snapshots, "
                + liveBlobs.get() + " live blobs, " + packsRepacked.get() + " packs repacked, " + objectsDeleted.get()
                + " objects deleted";
    }
}
