package org.mailsnap.recovery;

/**
 * What a catalog rebuild did.
 *
 * @param stores             stores (host and path) found in the repository's snapshots
 * @param snapshots          snapshots replayed
 * @param folders            folder states written (the folders of each store's latest snapshot)
 * @param placements         placements written (the messages of each store's latest snapshot)
 * @param messages           distinct messages (mailbox, base) in the search index and the content map
 * @param gone               messages the search index records as no longer in their store's latest snapshot
 * @param blobsIndexed       blobs in the catalog's blob index afterwards
 * @param durationNanos      wall time
 * @param damagedSnapshots   snapshot objects that could not be read and were left out (the rebuild is partial)
 * @param blobsInMissingPacks blob locations the index files list in packs that are not in the repository: marked
 *                           bad, so that backups do not deduplicate against them
 */
public record RebuildResult(
        int stores,
        int snapshots,
        long folders,
        long placements,
        long messages,
        long gone,
        long blobsIndexed,
        long durationNanos,
        java.util.List<org.mailsnap.history.DamagedSnapshot> damagedSnapshots,
        long blobsInMissingPacks) {
    public RebuildResult {
        damagedSnapshots = java.util.List.copyOf(damagedSnapshots);
    }

    /** True when a snapshot was left out. */
    public boolean partial() {
        return !damagedSnapshots.isEmpty();
    }
}
