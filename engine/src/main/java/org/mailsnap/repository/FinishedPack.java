package org.mailsnap.repository;

import java.util.List;
import org.mailsnap.model.BlobType;

/** A complete pack, read back and checked, ready to publish under {@link #objectName()}. */
record FinishedPack(String id, byte[] bytes, BlobType type, List<PackEntry> entries) {
    String objectName() {
        return PackFormat.objectName(id);
    }
}
