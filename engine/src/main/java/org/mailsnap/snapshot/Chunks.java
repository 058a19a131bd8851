package org.mailsnap.snapshot;

import java.io.IOException;
import java.util.List;
import org.mailsnap.codec.CorruptDataException;
import org.mailsnap.model.BlobId;

/** Reads records kept in a list of chunks (a manifest, a tree), one chunk in memory at a time. */
final class Chunks {
    private Chunks() {}

    @FunctionalInterface
    interface ChunkDecoder<T> {
        List<T> decode(byte[] chunk, BlobId id) throws CorruptDataException;
    }

    static <T> void read(List<BlobId> chunks, BlobSource source, ChunkDecoder<T> decoder, RecordConsumer<T> consumer)
            throws IOException {
        for (BlobId id : chunks) {
            for (T record : decoder.decode(source.get(id), id)) {
                consumer.accept(record);
            }
        }
    }
}
