package org.mailsnap.snapshot;

import java.io.IOException;
import java.util.List;
import org.mailsnap.model.BlobId;

/** Reads a deleted-mail ledger back, chunk by chunk, so memory holds one chunk at a time. */
public final class LedgerReader {
    private LedgerReader() {}

    /** The entries in ledger order, pulled one at a time. */
    public static ChunkCursor<GonePlacement> cursor(List<BlobId> ledger, BlobSource source) {
        return new ChunkCursor<>(ledger, source, LedgerCodec::readChunk);
    }

    /** Gives {@code consumer} the entries in ledger order. */
    public static void read(List<BlobId> ledger, BlobSource source, RecordConsumer<GonePlacement> consumer)
            throws IOException {
        cursor(ledger, source).forEachRemaining(consumer);
    }
}
