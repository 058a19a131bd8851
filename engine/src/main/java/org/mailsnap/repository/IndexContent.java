package org.mailsnap.repository;

import java.util.List;

/**
 * A decoded index file, for check and repair.
 *
 * @param id         the index file's id
 * @param supersedes ids of the index files it replaces
 * @param packs      the packs it lists
 */
public record IndexContent(String id, List<String> supersedes, List<IndexedPack> packs) {
    public IndexContent {
        supersedes = List.copyOf(supersedes);
        packs = List.copyOf(packs);
    }

    public long blobCount() {
        return packs.stream().mapToLong(p -> p.blobs().size()).sum();
    }
}
