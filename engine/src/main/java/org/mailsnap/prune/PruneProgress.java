package org.mailsnap.prune;

import org.mailsnap.concurrent.Counter;

/** Counters a prune updates as it goes; a renderer reads them on a timer from another thread. */
public final class PruneProgress {
    private volatile String phase = "starting";
    public final Counter indexFilesRead = new Counter();
    public final Counter snapshotsMarked = new Counter();
    public final Counter liveBlobs = new Counter();
    public final Counter packsRepacked = new Counter();
    public final Counter bytesRepacked = new Counter();
    public final Counter objectsDeleted = new Counter();

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
