package org.mailsnap.snapshot;

import java.io.IOException;
import java.util.List;
import org.mailsnap.chunk.ChunkerParams;
import org.mailsnap.chunk.RecordChunker;
import org.mailsnap.model.BlobId;
import org.mailsnap.model.FolderKey;

/** Writes a snapshot's folder entries, in {@link FolderKey} order, as record-chunked metadata blobs. */
public final class TreeWriter {
    public static final int TYPICAL_ENTRY_BYTES = 256;

    /** The chunker that cuts trees (the format's rule: {@link ChunkerParams#RECORDS}, cut key the folder). */
    public static RecordChunker chunker(byte[] seed) {
        return new RecordChunker(seed, ChunkerParams.RECORDS, TYPICAL_ENTRY_BYTES);
    }

    private final RecordChunkWriter chunks;
    private FolderKey last;

    public TreeWriter(RecordChunker chunker, BlobSink sink) {
        this.chunks = new RecordChunkWriter(chunker, sink, TreeCodec.VERSION);
    }

    public void add(FolderEntry entry) throws IOException {
        if (last != null && last.compareTo(entry.key()) >= 0) {
            throw new IllegalArgumentException("tree entries out of order: " + last + " then " + entry.key());
        }
        last = entry.key();
        TreeCodec.writeEntry(chunks.buffer(), entry);
        chunks.recordEnded(entry.key().mailbox() + '\0' + entry.key().folder());
    }

    public List<BlobId> finish() throws IOException {
        return chunks.finish();
    }
}
