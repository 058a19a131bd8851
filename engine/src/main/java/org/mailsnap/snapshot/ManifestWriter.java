package org.mailsnap.snapshot;

import java.io.IOException;
import java.util.List;
import org.mailsnap.chunk.ChunkerParams;
import org.mailsnap.chunk.RecordChunker;
import org.mailsnap.model.BaseNames;
import org.mailsnap.model.BlobId;
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

    private final RecordChunkWriter chunks;
    private final BaseNames bases;
    private String lastBase;
    private long count;

    public ManifestWriter(RecordChunker chunker, BaseNames bases, BlobSink sink) {
        this.chunks = new RecordChunkWriter(chunker, sink, ManifestCodec.VERSION);
        this.bases = bases;
    }

    /** Appends a placement; bases must come in strictly increasing {@link BaseNames#ORDER}. */
    public void add(Placement p) throws IOException {
        String base = bases.baseOf(p.name());
        if (lastBase != null && BaseNames.ORDER.compare(lastBase, base) >= 0) {
            throw new IllegalArgumentException("manifest entries out of order: " + lastBase + " then " + base);
        }
        lastBase = base;
        ManifestCodec.writeEntry(chunks.buffer(), p);
        count++;
        chunks.recordEnded(base);
    }

    /** Writes the last chunk and returns the manifest: the chunk ids in order (empty for an empty folder). */
    public List<BlobId> finish() throws IOException {
        return chunks.finish();
    }

    public long count() {
        return count;
    }
}
