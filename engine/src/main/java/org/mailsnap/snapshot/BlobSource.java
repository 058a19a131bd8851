package org.mailsnap.snapshot;

import java.io.IOException;
import org.mailsnap.model.BlobId;

/** Where records are read back from: the blob store's {@code get}. */
@FunctionalInterface
public interface BlobSource {
    byte[] get(BlobId id) throws IOException;
}
