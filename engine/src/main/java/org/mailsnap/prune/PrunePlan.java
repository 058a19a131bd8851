package org.mailsnap.prune;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.mailsnap.model.ObjectId;
import org.mailsnap.model.PackId;
import org.mailsnap.model.SnapshotId;

/**
 * What a prune decided in step 2, and the figures for its report.
 *
 * @param supersededSnapshots snapshot objects a readable snapshot supersedes: not live, deleted first in step 6
 * @param indexIds            every index file read
 * @param effective           those not superseded, in listing order (the order {@link Copies} depends on)
 * @param untouched           index files left as they are (only kept blobs, in kept packs)
 * @param retired             index files the final index supersedes and prune deletes
 * @param packs               the packs listed by effective index files and present, with their fate
 * @param copies              which copy of each live blob is kept
 * @param deletePacks         packs to delete after the final index: dead, repacked, leftovers, old unindexed
 * @param unindexedDeletable  unindexed packs already recorded by the previous prune
 * @param unindexedRemembered unindexed packs to record in the final index
 * @param needed              false when nothing would change
 */
record PrunePlan(
        List<SnapshotId> supersededSnapshots,
        List<ObjectId> indexIds,
        List<ObjectId> effective,
        Set<ObjectId> untouched,
        List<ObjectId> retired,
        Map<PackId, PackState> packs,
        Copies copies,
        Set<PackId> deletePacks,
        Set<PackId> unindexedDeletable,
        Set<PackId> unindexedRemembered,
        boolean needed,
        long snapshots,
        long liveBlobs,
        long liveSetBytes,
        long packCount,
        long bytesBefore,
        long bytesLive,
        long bytesFreed) {

    PruneResult result(
            long blobsCopied,
            long packsWritten,
            long indexFilesWritten,
            long indexFilesDeleted,
            boolean changed,
            boolean dryRun,
            int temporaries) {
        long packsRepacked = count(PackState.Fate.REPACK);
        return new PruneResult(
                snapshots,
                liveBlobs,
                liveSetBytes,
                indexIds.size(),
                packCount,
                count(PackState.Fate.KEEP),
                packsRepacked,
                deletePacks.size() - packsRepacked - unindexedDeletable.size(),
                unindexedDeletable.size(),
                unindexedRemembered.size(),
                bytesBefore,
                bytesLive,
                bytesFreed,
                blobsCopied,
                packsWritten,
                indexFilesWritten,
                indexFilesDeleted,
                changed,
                dryRun,
                temporaries);
    }

    private long count(PackState.Fate fate) {
        return packs.values().stream().filter(p -> p.fate == fate).count();
    }
}
