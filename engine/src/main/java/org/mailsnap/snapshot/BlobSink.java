package org.mailsnap.snapshot;

import java.io.IOException;
import java.util.Arrays;
import org.mailsnap.model.BlobId;
import org.mailsnap.model.BlobType;

/** Where encoded records and message chunks go: the blob store's {@code put}. */
@FunctionalInterface
public interface BlobSink {
    BlobId put(BlobType type, byte[] plaintext) throws IOException;

    /**
     * Stores {@code data[offset, offset + length)}, done with the array when it returns: a message's chunks are put
     * from where they lie in the buffer it was read into. This default copies the range; the blob store's sink
     * hashes, compresses and encrypts it in place.
     */
    default BlobId put(BlobType type, byte[] data, int offset, int length) throws IOException {
        return put(type, Arrays.copyOfRange(data, offset, offset + length));
    }
}
