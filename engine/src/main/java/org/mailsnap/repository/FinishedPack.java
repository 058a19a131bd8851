package org.mailsnap.repository;

import java.util.List;
import org.mailsnap.model.BlobType;
import org.mailsnap.model.PackId;

/**
 * A complete pack, read back and checked, ready to publish under {@link #objectName()}: the first {@code length}
 * bytes of {@code buffer} (the writer's buffer, which the blob store reuses for a later pack once this one is
 * published).
 */
record FinishedPack(PackId id, byte[] buffer, int length, BlobType type, List<PackEntry> entries) {
    String objectName() {
        return PackFormat.objectName(id);
    }
}
