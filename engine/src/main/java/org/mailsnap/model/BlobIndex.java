package org.mailsnap.model;

import java.io.IOException;
import java.util.Optional;

/**
 * Blob id → location, as known locally. The repository's index files are the truth; implementations are caches of
 * them (in memory for tests and small repositories, the LMDB catalog for real ones).
 */
public interface BlobIndex {

    Optional<BlobLocation> find(BlobId id) throws IOException;

    /** Records locations of a pack that is now published (its index file may still be pending). */
    void addAll(Iterable<java.util.Map.Entry<BlobId, BlobLocation>> entries) throws IOException;
}
