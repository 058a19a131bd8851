package org.mailsnap.snapshot;

import java.io.IOException;
import java.util.List;
import org.mailsnap.model.BlobId;
import org.mailsnap.model.Placement;

/** Reads a folder's manifest back, chunk by chunk, so memory holds one chunk at a time. */
public final class ManifestReader {
    private ManifestReader() {}

    /** Gives {@code consumer} the placements in base order. */
    public static void read(List<BlobId> manifest, BlobSource source, RecordConsumer<Placement> consumer)
            throws IOException {
        Chunks.read(manifest, source, ManifestCodec::readChunk, consumer);
    }
}
