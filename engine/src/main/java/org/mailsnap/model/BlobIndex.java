package org.mailsnap.model;

import java.io.IOException;
import java.util.Optional;

/**
 * Blob id → location, as known locally. The repository's index files are the truth; implementations are caches of
 * them (in memory for tests and small repositories, the LMDB catalog for real ones).
 */
public interface BlobIndex {

    Optional<BlobLocation> find(BlobId id) throws IOException;

    /**
     * True when the blob is stored in the repository: what a put asks before storing it again. An index may know
     * that without a location ({@code RunBlobIndex}: the blobs the folder states of the mailbox being recorded name).
     */
    default boolean contains(BlobId id) throws IOException {
        return find(id).isPresent();
    }

    /** Records locations of a pack that is now published (its index file may still be pending). */
    void addAll(Iterable<java.util.Map.Entry<BlobId, BlobLocation>> entries) throws IOException;

    /**
     * The failure to report when this cache does not find {@code id} although the repository's index file
     * {@code indexFile} lists it (null: another miss was found so earlier): the cache, not the repository, is
     * damaged. The catalog's index names itself and how to rebuild it.
     */
    default IOException lacks(BlobId id, ObjectId indexFile) {
        return new IOException("the local blob index is damaged: " + lackDetail(id, indexFile));
    }

    /**
     * Why {@code id}'s location was dropped as bad (a missing pack, data that failed to decrypt), when a check, a
     * restore or a catalog rebuild marked it: then a miss is known damage of the repository, not of this cache.
     */
    default Optional<String> damageOf(BlobId id) throws IOException {
        return Optional.empty();
    }

    /** "it lacks blob …" for {@link #lacks}. */
    static String lackDetail(BlobId id, ObjectId indexFile) {
        return "its blob index lacks blob " + id.shortHex() + "…"
                + (indexFile == null ? "" : ", which the repository's index file " + indexFile.shortId() + "… lists");
    }
}
