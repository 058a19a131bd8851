package org.mailsnap.snapshot;

import java.io.IOException;
import org.mailsnap.model.BlobId;
import org.mailsnap.model.BlobReceiver;
import org.mailsnap.repository.BlobStore;

/** Where records and message contents are read back from: the blob store's {@code get}. */
@FunctionalInterface
public interface BlobSource {
    byte[] get(BlobId id) throws IOException;

    /**
     * Hands blob {@code id}'s plaintext to {@code receiver} and returns its length. A source that can decrypt and
     * decompress into buffers of its own lends them (see {@link BlobReceiver}); this default gives {@link #get}'s.
     */
    default int read(BlobId id, BlobReceiver receiver) throws IOException {
        byte[] bytes = get(id);
        receiver.accept(bytes, 0, bytes.length);
        return bytes.length;
    }

    /** The blobs {@code reader} reads, lent from its buffers where a caller reads them so. */
    static BlobSource of(BlobStore.SequentialReader reader) {
        return new BlobSource() {
            @Override
            public byte[] get(BlobId id) throws IOException {
                return reader.get(id);
            }

            @Override
            public int read(BlobId id, BlobReceiver receiver) throws IOException {
                return reader.read(id, receiver);
            }
        };
    }
}
