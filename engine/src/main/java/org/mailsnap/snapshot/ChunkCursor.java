package org.mailsnap.snapshot;

import java.io.IOException;
import java.util.Iterator;
import java.util.List;
import org.mailsnap.codec.DecodeException;
import org.mailsnap.model.BlobId;

/**
 * Pull-reads a chunked record list (a tree's folder entries, a manifest's placements) one chunk at a time, for
 * readers that walk two lists side by side (a merge-join) rather than take records pushed at them.
 */
public final class ChunkCursor<T> {
    @FunctionalInterface
    interface ChunkDecoder<T> {
        List<T> decode(byte[] chunk, BlobId id) throws DecodeException;
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
}
