package org.mailsnap.snapshot;

import java.io.IOException;
import java.util.List;
import org.mailsnap.model.BlobId;

/** Reads a snapshot's folder entries back, chunk by chunk. */
public final class TreeReader {
    private TreeReader() {}

    public static void read(List<BlobId> tree, BlobSource source, RecordConsumer<FolderEntry> consumer)
            throws IOException {
        Chunks.read(tree, source, TreeCodec::readChunk, consumer);
    }
}
