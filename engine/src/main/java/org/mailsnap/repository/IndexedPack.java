package org.mailsnap.repository;

import java.util.List;

/** The blobs an index file (or a pack's own header) lists for one pack, in position order. */
public record IndexedPack(String packId, List<IndexedBlob> blobs) {
    public IndexedPack {
        blobs = List.copyOf(blobs);
    }
}
