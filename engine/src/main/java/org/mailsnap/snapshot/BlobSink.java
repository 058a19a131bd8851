package org.mailsnap.snapshot;

import java.io.IOException;
import org.mailsnap.model.BlobId;
import org.mailsnap.model.BlobType;

/** Where encoded records go: the blob store's {@code put}. */
@FunctionalInterface
public interface BlobSink {
    BlobId put(BlobType type, byte[] plaintext) throws IOException;
}
