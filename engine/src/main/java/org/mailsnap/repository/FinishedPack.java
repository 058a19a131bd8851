package org.mailsnap.repository;

import java.util.List;
import org.mailsnap.model.BlobType;
import org.mailsnap.model.PackId;

/** A complete pack, read back and checked, ready to publish under {@link #objectName()}. */
record FinishedPack(PackId id, byte[] bytes, BlobType type, List<PackEntry> entries) {
    String objectName() {
        return PackFormat.objectName(id);
    }
}
