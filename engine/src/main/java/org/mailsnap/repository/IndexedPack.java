package org.mailsnap.repository;

import java.util.List;
import org.mailsnap.model.PackId;

/** The blobs an index file (or a pack's own header) lists for one pack, in position order. */
public record IndexedPack(PackId packId, List<IndexedBlob> blobs) {
    public IndexedPack {
        blobs = List.copyOf(blobs);
    }
}
