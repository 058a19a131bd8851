package org.mailsnap.snapshot;

import java.io.IOException;
import java.util.Comparator;
import java.util.List;
import org.mailsnap.chunk.ChunkerParams;
import org.mailsnap.chunk.RecordChunker;
import org.mailsnap.model.BaseNames;
import org.mailsnap.model.BlobId;

/**
 * Writes a store's deleted-mail ledger, entries in {@link GonePlacement#order} (each folder, base and gone-by time
 * at most once), as ledger chunks (metadata blobs) cut like tree chunks on the key {@code mailbox NUL folder NUL
 * base}: a ledger that gained or lost a few entries re-encodes to mostly the chunks it had.
 */
public final class LedgerWriter {
    /** A ledger entry is a manifest entry (~140 bytes) plus its folder's names and two times. */
    public static final int TYPICAL_ENTRY_BYTES = 256;

    /** The chunker that cuts ledgers (the format's rule: {@link ChunkerParams#RECORDS}). */
    public static RecordChunker chunker(byte[] seed) {
        return new RecordChunker(seed, ChunkerParams.RECORDS, TYPICAL_ENTRY_BYTES);
    }

    private final RecordChunkWriter chunks;
    private final BaseNames bases;
    private final Comparator<GonePlacement> order;
    private GonePlacement last;

    public LedgerWriter(RecordChunker chunker, BaseNames bases, BlobSink sink) {
        this.chunks = new RecordChunkWriter(chunker, sink, LedgerCodec.VERSION);
        this.bases = bases;
        this.order = GonePlacement.order(bases);
    }

    /** Appends an entry; entries must come in strictly increasing {@link GonePlacement#order}. */
    public void add(GonePlacement entry) throws IOException {
        if (last != null && order.compare(last, entry) >= 0) {
            throw new IllegalArgumentException(
                    "ledger entries out of order: " + last.placement().name() + " in " + last.folder() + " then "
                            + entry.placement().name() + " in " + entry.folder());
        }
        last = entry;
        LedgerCodec.writeEntry(chunks.buffer(), entry);
        chunks.recordEnded(entry.folder().mailbox()
                + '\0'
                + entry.folder().folder()
                + '\0'
                + bases.baseOf(entry.placement().name()));
    }

    /** Writes the last chunk and returns the ledger's chunk ids (empty for an empty ledger). */
    public List<BlobId> finish() throws IOException {
        return chunks.finish();
    }
}
