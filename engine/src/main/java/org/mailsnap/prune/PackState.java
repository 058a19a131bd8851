package org.mailsnap.prune;

import org.mailsnap.model.PackId;

/** One pack as prune sees it: its size, how much of it is live, and what becomes of it. */
final class PackState {
    enum Fate {
        KEEP,
        REPACK,
        DELETE
    }

    final PackId id;
    final long size;
    long entries;
    long liveEntries;
    long liveBytes;
    Fate fate = Fate.KEEP;

    PackState(PackId id, long size) {
        this.id = id;
        this.size = size;
    }

    /** Pack bytes beyond a pack holding only the live blobs: prefix 42 + header 4 + 16 + trailer 12 = 74. */
    static final int FIXED_OVERHEAD = 74;

    /**
     * Bytes that a pack of only the live blobs would not need: dead blobs, listed or already left out of the index
     * by an earlier prune, and their header entries. 0 for a pack whose every blob is live.
     */
    long deadBytes() {
        return Math.max(0, size - liveBytes - FIXED_OVERHEAD - 50 * liveEntries);
    }

    double deadShare() {
        return size == 0 ? 0 : (double) deadBytes() / size;
    }
}
