package org.mailsnap.snapshot;

import java.util.List;
import java.util.Objects;
import org.mailsnap.model.BlobId;

/**
 * The blobs of a mailbox's content table as {@link ManifestWriter} wrote it (format-spec/snapshots.md, "Split
 * manifest"): its content index and the content chunks that index lists, in order. The index's id names the
 * chunks: it is the keyed hash of the index's bytes, which hold their ids.
 *
 * @param index  the content index, the first id of each folder's manifest
 * @param chunks the content chunks the index lists
 */
public record ContentTable(BlobId index, List<BlobId> chunks) {
    public ContentTable {
        Objects.requireNonNull(index, "index");
        chunks = List.copyOf(chunks);
    }
}
