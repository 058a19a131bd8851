package org.mailsnap.snapshot;

import java.io.IOException;
import java.util.Iterator;
import java.util.List;
import org.mailsnap.model.BlobId;
import org.mailsnap.model.Placement;

/**
 * Reads a chunked record list (a tree's folder entries, a manifest's placements) one chunk in memory at a time:
 * pulled record by record by readers that walk two lists side by side (a merge-join), or pushed to a consumer.
 */
public final class ChunkCursor<T> {
    @FunctionalInterface
    interface ChunkDecoder<T> {
        List<T> decode(byte[] chunk, BlobId id) throws IOException;
    }

    private final Iterator<BlobId> chunks;
    private final BlobSource source;
    private final ChunkDecoder<T> decoder;
    private List<T> current = List.of();
    private int position;

    ChunkCursor(List<BlobId> chunks, BlobSource source, ChunkDecoder<T> decoder) {
        this.chunks = chunks.iterator();
        this.source = source;
        this.decoder = decoder;
    }

    /**
     * A folder's placements in base order: its manifest's chunks, read one at a time (version 3: after its content
     * index, with one content chunk at a time; {@link ManifestDecoder}).
     */
    public static ChunkCursor<Placement> manifest(List<BlobId> manifest, BlobSource source) {
        return new ChunkCursor<>(manifest, source, new ManifestDecoder(manifest.size(), source));
    }

    /** A snapshot's folder entries in tree ({@link org.mailsnap.model.FolderKey}) order, a chunk at a time. */
    public static ChunkCursor<FolderEntry> tree(List<BlobId> tree, BlobSource source) {
        return new ChunkCursor<>(tree, source, TreeCodec::readChunk);
    }

    /** A store's deleted-mail ledger (records version 4) in ledger order, a chunk at a time. */
    public static ChunkCursor<GonePlacement> ledger(List<BlobId> ledger, BlobSource source) {
        return new ChunkCursor<>(ledger, source, LedgerCodec::readChunk);
    }

    /** An empty cursor (the side of a comparison that has no such folder). */
    public static <T> ChunkCursor<T> empty() {
        return new ChunkCursor<>(List.of(), id -> new byte[0], (chunk, id) -> List.of());
    }

    /** The next record without taking it; null at the end. */
    public T peek() throws IOException {
        while (position == current.size()) {
            if (!chunks.hasNext()) {
                return null;
            }
            BlobId id = chunks.next();
            current = decoder.decode(source.get(id), id);
            position = 0;
        }
        return current.get(position);
    }

    /** Takes the next record; null at the end. */
    public T next() throws IOException {
        T record = peek();
        if (record != null) {
            position++;
        }
        return record;
    }

    /** Gives {@code consumer} every record not yet taken, in order. */
    public void forEachRemaining(RecordConsumer<T> consumer) throws IOException {
        for (T record = next(); record != null; record = next()) {
            consumer.accept(record);
        }
    }
}
