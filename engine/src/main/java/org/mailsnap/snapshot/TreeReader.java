package org.mailsnap.snapshot;

import java.io.IOException;
import java.util.List;
import org.mailsnap.model.BlobId;

/** Reads a snapshot's folder entries back, chunk by chunk. */
public final class TreeReader {
    private TreeReader() {}

    /** The folder entries in tree ({@link org.mailsnap.model.FolderKey}) order, pulled one at a time. */
    public static ChunkCursor<FolderEntry> cursor(List<BlobId> tree, BlobSource source) {
        return new ChunkCursor<>(tree, source, TreeCodec::readChunk);
    }

    /** Gives {@code consumer} the folder entries in tree order. */
    public static void read(List<BlobId> tree, BlobSource source, RecordConsumer<FolderEntry> consumer)
            throws IOException {
        cursor(tree, source).forEachRemaining(consumer);
    }
}
