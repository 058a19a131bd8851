package org.mailsnap.repository;

import org.mailsnap.concurrent.KeptObjects;
import org.mailsnap.model.BlobType;

/**
 * The buffers data packs are built in, kept from one pack to the next. A data pack fills to the target size in every
 * run that stores mail, so its buffer starts there (plus a body chunk's worth): grown by doubling from 1 MiB it was
 * copied 1+2+4+8+16 MiB and ended at 32 MiB, half a small heap. A new buffer for each pack made a first backup
 * collect the whole heap about once a pack: a buffer being filled when the young generation is collected is too
 * large for a survivor space, so it is promoted, and the old generation fills with dead packs. A kept buffer stays
 * where it is. Metadata packs of an hourly run stay small and get a small new buffer each. Thread-safe.
 */
final class PackBuffers {
    /** One buffer being filled and one being published is the steady state of two threads storing blobs. */
    private static final int KEPT = 2;

    private final int dataCapacity;
    private final int metadataCapacity;
    private final KeptObjects<byte[]> data;

    PackBuffers(int packTargetSize) {
        // a larger target still grows by doubling
        this.dataCapacity = Math.min(packTargetSize, 16 << 20) + 512 * 1024;
        this.metadataCapacity = Math.min(packTargetSize, 1 << 20) + 64 * 1024;
        this.data = new KeptObjects<>(KEPT, () -> new byte[dataCapacity], buffer -> {});
    }

    /** A buffer for a new pack of {@code type}; its contents are whatever an earlier pack left. */
    byte[] take(BlobType type) {
        return type == BlobType.DATA ? data.take() : new byte[metadataCapacity];
    }

    /** The buffer of a published pack, for a later one; nothing may read it after this. */
    void giveBack(BlobType type, byte[] buffer) {
        if (type == BlobType.DATA && buffer.length == dataCapacity) {
            data.give(buffer);
        }
    }
}
