package org.mailsnap.snapshot;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.mailsnap.chunk.RecordChunker;
import org.mailsnap.codec.ByteWriter;
import org.mailsnap.model.BlobId;
import org.mailsnap.model.BlobType;
import org.mailsnap.model.FolderKey;

/** Writes a snapshot's folder entries, in {@link FolderKey} order, as record-chunked metadata blobs. */
public final class TreeWriter {
    public static final int TYPICAL_ENTRY_BYTES = 256;

    private final RecordChunker chunker;
    private final BlobSink sink;
    private final ByteWriter chunk = new ByteWriter(32 * 1024);
    private final List<BlobId> ids = new ArrayList<>();
    private FolderKey last;

    public TreeWriter(RecordChunker chunker, BlobSink sink) {
        this.chunker = chunker;
        this.sink = sink;
        TreeCodec.startChunk(chunk);
    }

    public void add(FolderEntry entry) throws IOException {
        if (last != null && last.compareTo(entry.key()) >= 0) {
            throw new IllegalArgumentException("tree entries out of order: " + last + " then " + entry.key());
        }
        last = entry.key();
        TreeCodec.writeEntry(chunk, entry);
        if (chunker.cutAfter(entry.key().mailbox() + '\0' + entry.key().folder(), chunk.size())) {
            emit();
        }
    }

    public List<BlobId> finish() throws IOException {
        if (chunk.size() > 1) {
            emit();
        }
        return List.copyOf(ids);
    }

    private void emit() throws IOException {
        ids.add(sink.put(BlobType.METADATA, chunk.toByteArray()));
        chunk.reset();
        TreeCodec.startChunk(chunk);
    }
}
