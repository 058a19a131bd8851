package org.mailsnap.recovery;

import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.mailsnap.catalog.SnapshotSummary;
import org.mailsnap.history.SnapshotHistory;
import org.mailsnap.model.FolderKey;
import org.mailsnap.model.Placement;
import org.mailsnap.model.SnapshotId;
import org.mailsnap.snapshot.BlobSource;
import org.mailsnap.snapshot.ChunkCursor;
import org.mailsnap.snapshot.FolderEntry;
import org.mailsnap.snapshot.RecordConsumer;
import org.mailsnap.snapshot.Snapshot;

/**
 * Replays one store's snapshots, oldest first, into the content map and the search index, reading only what
 * changed from one snapshot to the next.
 *
 * <p>Manifests are cut between records by a keyed hash of the base, so a folder whose messages did not change
 * re-encodes to the very same chunk ids. A folder whose manifest differs from the previous snapshot's entry is read
 * whole: its placements are {@link SearchIndexer#seen seen}, and the previous entry's placements {@link
 * SearchIndexer#left left} (after every changed folder of the snapshot was seen, so that a message moved to another
 * folder, or renamed, is recognised as still there). A version 3 manifest's placement chunk means nothing without
 * its folder's content index, so the unit of reading is the folder, not the chunk. Every placement of every snapshot
 * lies in a folder that changed in the snapshot where it first appeared there, so each one is seen at least once;
 * unchanged folders are not even fetched.
 *
 * <p>Memory: two trees (folder entries with their chunk ids) and one manifest chunk (for version 3 also one
 * content chunk), never a per-message set.
 */
final class StoreReplay {
    private final BlobSource blobs;
    private final SnapshotHistory history;
    private final SearchIndexer index;
    private final RebuildProgress progress;

    /**
     * The store's latest snapshot as the replay leaves it.
     *
     * @param summary        the snapshot
     * @param separator      its Maildir info separator
     * @param tree           its folder entries
     * @param unchangedSince per folder, the time of the earliest snapshot from which on, up to this one, the
     *                       folder's entry had these same directory mtimes
     * @param ledgerCarriers the store's snapshots that carry a deleted-mail ledger, by id (read in passing: which
     *                       one's ledger is the store's is {@code StoreLedgers}' rule)
     */
    record Latest(
            SnapshotSummary summary,
            char separator,
            Map<FolderKey, FolderEntry> tree,
            Map<FolderKey, Instant> unchangedSince,
            Map<SnapshotId, Snapshot> ledgerCarriers) {}

    StoreReplay(BlobSource blobs, SnapshotHistory history, SearchIndexer index, RebuildProgress progress) {
        this.blobs = blobs;
        this.history = history;
        this.index = index;
        this.progress = progress;
    }

    /** @param snapshots one store's snapshots, oldest first, at least one */
    Latest replay(List<SnapshotSummary> snapshots) throws IOException {
        SnapshotSummary previous = null;
        char previousSeparator = ':';
        Map<FolderKey, FolderEntry> previousTree = Map.of();
        Map<FolderKey, Instant> previousSince = Map.of();
        Map<SnapshotId, Snapshot> ledgerCarriers = new TreeMap<>();
        for (SnapshotSummary summary : snapshots) {
            Snapshot snapshot = history.open(summary);
            if (snapshot.carriesLedger()) {
                ledgerCarriers.put(summary.id(), snapshot);
            }
            char separator = snapshot.separator();
            Map<FolderKey, FolderEntry> tree = new TreeMap<>();
            ChunkCursor.tree(snapshot.tree(), blobs).forEachRemaining(f -> tree.put(f.key(), f));
            for (FolderEntry folder : tree.values()) {
                if (changed(folder, previousTree.get(folder.key()))) {
                    readFolder(folder, p -> index.seen(summary, folder.key(), p, separator));
                }
            }
            if (previous != null) {
                SnapshotSummary before = previous;
                char beforeSeparator = previousSeparator;
                for (FolderEntry folder : previousTree.values()) {
                    if (changed(folder, tree.get(folder.key()))) {
                        readFolder(folder, p -> index.left(before, summary.time(), folder.key(), p, beforeSeparator));
                    }
                }
            }
            previousSince = unchangedSince(summary.time(), tree, previousTree, previousSince);
            previousTree = tree;
            previous = summary;
            previousSeparator = separator;
            progress.snapshots.done.increment();
        }
        if (previous == null) {
            throw new IllegalArgumentException("no snapshot to replay");
        }
        return new Latest(previous, previousSeparator, previousTree, previousSince, ledgerCarriers);
    }

    /** True when {@code other} (the same folder in the other snapshot, or null) has another manifest. */
    private static boolean changed(FolderEntry folder, FolderEntry other) {
        return other == null || !other.manifest().equals(folder.manifest());
    }

    private void readFolder(FolderEntry folder, RecordConsumer<Placement> consumer) throws IOException {
        progress.manifestChunksRead.add(folder.manifest().size());
        ChunkCursor.manifest(folder.manifest(), blobs).forEachRemaining(consumer);
    }

    /**
     * Carries each folder's "unchanged since" time forward while its directory mtimes stay the same; a folder
     * whose mtimes changed (so was listed in this run) starts at this snapshot's time.
     */
    private static Map<FolderKey, Instant> unchangedSince(
            Instant now,
            Map<FolderKey, FolderEntry> tree,
            Map<FolderKey, FolderEntry> previousTree,
            Map<FolderKey, Instant> previousSince) {
        Map<FolderKey, Instant> since = new TreeMap<>();
        for (FolderEntry folder : tree.values()) {
            FolderEntry before = previousTree.get(folder.key());
            boolean same = before != null
                    && before.newDirMtimeNanos() == folder.newDirMtimeNanos()
                    && before.curDirMtimeNanos() == folder.curDirMtimeNanos();
            since.put(folder.key(), same ? previousSince.get(folder.key()) : now);
        }
        return since;
    }
}
