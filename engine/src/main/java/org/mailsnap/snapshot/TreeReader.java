package org.mailsnap.snapshot;

import java.io.IOException;
import java.util.List;
import org.mailsnap.model.BlobId;

/** Reads a snapshot's folder entries back, chunk by chunk. */
public final class TreeReader {
    private TreeReader() {}

    @FunctionalInterface
    public interface FolderConsumer {
        void accept(FolderEntry folder) throws IOException;
    }

    /** The folder entries in tree ({@link org.mailsnap.model.FolderKey}) order, pulled one at a time. */
    public static ChunkCursor<FolderEntry> cursor(List<BlobId> tree, BlobSource source) {
        return new ChunkCursor<>(tree, source, TreeCodec::readChunk);
    }

    public static void read(List<BlobId> tree, BlobSource source, FolderConsumer consumer) throws IOException {
        for (BlobId id : tree) {
            for (FolderEntry f : TreeCodec.readChunk(source.get(id), id)) {
                consumer.accept(f);
            }
        }
    }
}
