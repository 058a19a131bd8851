package org.mailsnap.snapshot;

import java.io.IOException;
import java.util.List;
import org.mailsnap.model.BlobId;
import org.mailsnap.model.Placement;

/** Reads a folder's manifest back, chunk by chunk, so memory holds one chunk at a time. */
public final class ManifestReader {
    private ManifestReader() {}

    /** The placements in base order, pulled one at a time. */
    public static ChunkCursor<Placement> cursor(List<BlobId> manifest, BlobSource source) {
        return new ChunkCursor<>(manifest, source, ManifestCodec::readChunk);
    }

    /** Gives {@code consumer} the placements in base order. */
    public static void read(List<BlobId> manifest, BlobSource source, RecordConsumer<Placement> consumer)
            throws IOException {
        cursor(manifest, source).forEachRemaining(consumer);
    }
}
