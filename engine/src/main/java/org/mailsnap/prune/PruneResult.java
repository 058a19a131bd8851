package org.mailsnap.prune;

/**
 * What a prune found and did (or, in a dry run, would do).
 *
 * @param snapshots           snapshots whose blobs were marked live
 * @param liveBlobs           distinct live blob ids (by 64-bit prefix)
 * @param liveSetBytes        memory of the live set
 * @param indexFilesRead      index files read
 * @param packs               packs in the listing
 * @param packsKept           packs kept as they are (perhaps with dead blobs left out of the new index)
 * @param packsRepacked       packs whose live blobs were copied to new packs, then deleted
 * @param packsDeleted        indexed packs without a live blob, deleted
 * @param unindexedDeleted    unindexed packs deleted (already unindexed at the previous prune)
 * @param unindexedRemembered unindexed packs left for the next prune (two-phase rule)
 * @param bytesBefore         bytes of all packs before
 * @param bytesLive           bytes of live blobs
 * @param bytesFreed          bytes of packs deleted (repacked ones included)
 * @param blobsCopied         blobs copied by the repack
 * @param packsWritten        new packs written by the repack
 * @param indexFilesWritten   new index files, the final one included
 * @param indexFilesDeleted   old index files superseded and deleted (those listing only kept blobs of kept packs
 *                            stay as they are)
 * @param changed             false when there was nothing to do (nothing written or deleted)
 * @param dryRun              true when nothing was changed on purpose
 * @param temporaryFilesRemoved half-written files of killed writers removed (local directories only)
 */
public record PruneResult(
        long snapshots,
        long liveBlobs,
        long liveSetBytes,
        long indexFilesRead,
        long packs,
        long packsKept,
        long packsRepacked,
        long packsDeleted,
        long unindexedDeleted,
        long unindexedRemembered,
        long bytesBefore,
        long bytesLive,
        long bytesFreed,
        long blobsCopied,
        long packsWritten,
        long indexFilesWritten,
        long indexFilesDeleted,
        boolean changed,
        boolean dryRun,
        int temporaryFilesRemoved) {}
