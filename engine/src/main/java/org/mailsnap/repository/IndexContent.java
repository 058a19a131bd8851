package org.mailsnap.repository;

import java.util.List;
import org.mailsnap.model.ObjectId;

/**
 * A decoded index file, for check and repair.
 *
 * @param id         the index file's id
 * @param supersedes ids of the index files it replaces (and, in a prune's final file, of unindexed packs)
 * @param packs      the packs it lists
 */
public record IndexContent(ObjectId id, List<ObjectId> supersedes, List<IndexedPack> packs) {
    public IndexContent {
        supersedes = List.copyOf(supersedes);
        packs = List.copyOf(packs);
    }
}
