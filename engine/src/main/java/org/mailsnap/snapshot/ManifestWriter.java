package org.mailsnap.snapshot;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.mailsnap.chunk.ChunkerParams;
import org.mailsnap.chunk.RecordChunker;
import org.mailsnap.codec.ByteWriter;
import org.mailsnap.model.BaseNames;
import org.mailsnap.model.BlobId;
import org.mailsnap.model.BlobType;
import org.mailsnap.model.Placement;

/**
 * Writes one folder's placements, in base order, as manifest chunks (metadata blobs). A cut follows an entry when
 * the record chunker says so for its base, so a flag change rewrites one chunk and an unchanged folder writes
 * chunks the repository already has (deduplicated, nothing stored).
 */
public final class ManifestWriter {
    /** An entry is a ~60-byte name plus ~80 bytes of ids and sizes; with it, a chunk holds ~5 entries on average. */
    public static final int TYPICAL_ENTRY_BYTES = 128;

    /** The chunker that cuts manifests (the format's rule: {@link ChunkerParams#MANIFESTS}, cut key the base). */
    public static RecordChunker chunker(byte[] seed) {
        return new RecordChunker(seed, ChunkerParams.MANIFESTS, TYPICAL_ENTRY_BYTES);
    }

    private final RecordChunker chunker;
    private final BlobSink sink;
    private final BaseNames bases;
    private final ByteWriter chunk = new ByteWriter(32 * 1024);
    private final List<BlobId> ids = new ArrayList<>();
    private String lastBase;
    private long count;

    public ManifestWriter(RecordChunker chunker, BaseNames bases, BlobSink sink) {
        this.chunker = chunker;
        this.bases = bases;
        this.sink = sink;
        ManifestCodec.startChunk(chunk);
    }

    /** Appends a placement; bases must come in strictly increasing {@link BaseNames#ORDER}. */
    public void add(Placement p) throws IOException {
        String base = bases.baseOf(p.name());
        if (lastBase != null && BaseNames.ORDER.compare(lastBase, base) >= 0) {
            throw new IllegalArgumentException("manifest entries out of order: " + lastBase + " then " + base);
        }
        lastBase = base;
        ManifestCodec.writeEntry(chunk, p);
        count++;
        if (chunker.cutAfter(base, chunk.size())) {
            emit();
        }
    }

    /** Writes the last chunk and returns the manifest: the chunk ids in order (empty for an empty folder). */
    public List<BlobId> finish() throws IOException {
        if (chunk.size() > 1) {
            emit();
        }
        return List.copyOf(ids);
    }

    public long count() {
        return count;
    }

    private void emit() throws IOException {
        ids.add(sink.put(BlobType.METADATA, chunk.toByteArray()));
        chunk.reset();
        ManifestCodec.startChunk(chunk);
    }
}
