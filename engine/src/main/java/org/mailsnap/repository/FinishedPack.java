package org.mailsnap.repository;

import java.io.IOException;
import java.util.List;
import org.mailsnap.model.BlobType;
import org.mailsnap.model.PackId;
import org.mailsnap.storage.SpooledObject;

/** A complete pack of {@code length} bytes, its header read back and checked, waiting in {@code spool}. */
record FinishedPack(PackId id, SpooledObject spool, long length, BlobType type, List<PackEntry> entries) {
    String objectName() {
        return PackFormat.objectName(id);
    }

    /** Publishes the pack under {@link #objectName()}. */
    void publish() throws IOException {
        spool.publish(objectName());
    }
}
