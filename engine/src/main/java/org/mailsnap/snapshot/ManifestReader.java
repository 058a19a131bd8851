package org.mailsnap.snapshot;

import java.io.IOException;
import java.util.List;
import org.mailsnap.model.BlobId;
import org.mailsnap.model.Placement;

/** Reads a folder's manifest back, chunk by chunk, so memory holds one chunk at a time. */
public final class ManifestReader {
    private ManifestReader() {}

    /** Receives placements in base order. */
    @FunctionalInterface
    public interface PlacementConsumer {
        void accept(Placement placement) throws IOException;
    }

    /** The placements in base order, pulled one at a time. */
    public static ChunkCursor<Placement> cursor(List<BlobId> manifest, BlobSource source) {
        return new ChunkCursor<>(manifest, source, ManifestCodec::readChunk);
    }

    public static void read(List<BlobId> manifest, BlobSource source, PlacementConsumer consumer) throws IOException {
        for (BlobId id : manifest) {
            for (Placement p : ManifestCodec.readChunk(source.get(id), id)) {
                consumer.accept(p);
            }
        }
    }
}
