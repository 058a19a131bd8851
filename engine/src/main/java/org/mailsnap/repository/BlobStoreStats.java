package org.mailsnap.repository;

/**
 * Counters of a {@link BlobStore} since it was opened.
 *
 * @param blobsNew          blobs stored by this store
 * @param blobsDeduplicated puts skipped because the blob was already stored or pending
 * @param bytesRaw          plaintext bytes of the new blobs
 * @param bytesCompressed   bytes of the new blobs as stored before encryption (compressed or raw)
 * @param bytesStored       bytes of the packs published
 * @param packsWritten      packs published
 * @param indexFilesWritten index files published
 * @param dataBlobsNew      of {@code blobsNew}, the data blobs (message parts, control files)
 */
public record BlobStoreStats(
        long blobsNew,
        long blobsDeduplicated,
        long bytesRaw,
        long bytesCompressed,
        long bytesStored,
        long packsWritten,
        long indexFilesWritten,
        long dataBlobsNew) {}
