package org.mailsnap.snapshot;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.mailsnap.chunk.RecordChunker;
import org.mailsnap.codec.ByteWriter;
import org.mailsnap.model.BlobId;
import org.mailsnap.model.BlobType;

/**
 * The chunk buffer shared by the record-list writers (tree, manifest, ledger): each chunk starts with its header
 * (its version byte; a version 3 manifest chunk's version and kind), records are appended, and a chunk is emitted
 * as a metadata blob where the record chunker cuts after a record's key (format-spec/snapshots.md, "Chunking").
 */
final class RecordChunkWriter {
    private final RecordChunker chunker;
    private final BlobSink sink;
    private final int[] header;
    private final ByteWriter chunk = new ByteWriter(32 * 1024);
    private final List<BlobId> ids = new ArrayList<>();

    /** @param header the bytes each chunk starts with: its record list's current version (and kind) */
    RecordChunkWriter(RecordChunker chunker, BlobSink sink, int... header) {
        this.chunker = chunker;
        this.sink = sink;
        this.header = header.clone();
        startChunk();
    }

    /** Where the next record is encoded. */
    ByteWriter buffer() {
        return chunk;
    }

    /**
     * Called after a record was encoded into {@link #buffer()}: cuts the chunk when the chunker says so.
     *
     * @return true when the record ended a chunk (the next record starts a new one)
     */
    boolean recordEnded(String cutKey) throws IOException {
        if (chunker.cutAfter(cutKey, chunk.size())) {
            emit();
            return true;
        }
        return false;
    }

    /** Writes the last chunk and returns the chunk ids in order (empty when no record was written). */
    List<BlobId> finish() throws IOException {
        if (chunk.size() > header.length) {
            emit();
        }
        return List.copyOf(ids);
    }

    private void emit() throws IOException {
        ids.add(sink.put(BlobType.METADATA, chunk.toByteArray()));
        chunk.reset();
        startChunk();
    }

    private void startChunk() {
        for (int b : header) {
            chunk.u8(b);
        }
    }
}
