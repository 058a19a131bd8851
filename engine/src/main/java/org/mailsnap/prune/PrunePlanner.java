package org.mailsnap.prune;

import java.io.IOException;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicBoolean;
import org.mailsnap.concurrent.Counter;
import org.mailsnap.history.SnapshotObjects;
import org.mailsnap.model.BlobIdSet;
import org.mailsnap.model.BlobLocationTable;
import org.mailsnap.model.BlobType;
import org.mailsnap.model.ObjectId;
import org.mailsnap.model.PackId;
import org.mailsnap.model.PackNumbers;
import org.mailsnap.repository.BlobStore;
import org.mailsnap.repository.PackMaintenance;
import org.mailsnap.repository.Repository;
import org.mailsnap.repository.RepositoryException;

/**
 * Step 2 of prune: reads the index files and snapshots, marks, sweeps and decides the fate of every pack and index
 * file. Writes nothing.
 */
record PrunePlanner(Repository repository, PackMaintenance store, PruneOptions options, PruneProgress progress) {

    PrunePlan plan() throws IOException {
        // 2. index files and packs as they are now
        progress.phase("reading index files");
        List<ObjectId> indexIds = store.indexIds();
        Map<PackId, Long> present = store.listPacks();
        Set<ObjectId> named = new HashSet<>(); // every id in any supersedes list
        Set<PackId> everIndexed = new HashSet<>(); // packs listed by any index file, superseded or not
        Counter indexedEntries = new Counter(); // sizes the live set
        for (ObjectId id : indexIds) {
            named.addAll(store.readIndex(id, (blob, location) -> {
                everIndexed.add(location.pack());
                indexedEntries.increment();
            }));
            progress.indexFilesRead.increment();
        }
        List<ObjectId> effective =
                indexIds.stream().filter(id -> !named.contains(id)).toList();

        Map<PackId, PackState> packs = new HashMap<>();
        BlobLocationTable metadata = BlobLocationTable.withLocations(BlobType.METADATA, new PackNumbers());
        for (ObjectId id : effective) {
            store.readIndex(id, (blob, location) -> {
                if (present.containsKey(location.pack())) {
                    packs.computeIfAbsent(location.pack(), p -> new PackState(p, present.get(p))).entries++;
                    if (location.type() == BlobType.METADATA) {
                        metadata.add(blob, location, (byte) 0);
                    }
                }
            });
        }
        metadata.seal();

        // mark
        progress.phase("marking live blobs");
        BlobIdSet live = new BlobIdSet(indexedEntries.get());
        BlobStore reader = repository.openBlobStore(metadata);
        SnapshotObjects snapshots = SnapshotObjects.load(repository);
        long marked = new Marker(reader.inStoredOrder()::get, live, progress).markAll(snapshots);

        // sweep: is every live blob listed somewhere? which are listed more than once?
        progress.phase("sweeping");
        BitSet found = new BitSet(live.capacity());
        BitSet listedTwice = new BitSet(live.capacity());
        for (ObjectId id : effective) {
            store.readIndex(id, (blob, location) -> {
                int slot = live.slotOf(blob);
                if (packs.containsKey(location.pack()) && slot >= 0) {
                    if (found.get(slot)) {
                        listedTwice.set(slot);
                    }
                    found.set(slot);
                }
            });
        }
        int missing = live.size() - found.cardinality();
        if (missing > 0) {
            throw new RepositoryException("prune stops: " + missing + " blob(s) that snapshots reference are in no "
                    + "index file or in a missing pack; the repository is damaged (run check). Nothing was deleted");
        }
        // how much of each pack is live, one copy of each blob counted; which index files list only kept blobs
        Copies copies = new Copies(live, listedTwice);
        Map<ObjectId, Set<PackId>> packsOfCleanFile = new HashMap<>();
        for (ObjectId id : effective) {
            Set<PackId> filePacks = new HashSet<>();
            AtomicBoolean everyEntryLive = new AtomicBoolean(true);
            store.readIndex(id, (blob, location) -> {
                PackState pack = packs.get(location.pack());
                filePacks.add(location.pack());
                if (pack != null && copies.keeps(blob, pack.id)) {
                    pack.liveEntries++;
                    pack.liveBytes += location.length();
                } else {
                    everyEntryLive.set(false);
                }
            });
            if (everyEntryLive.get() && !filePacks.isEmpty()) {
                packsOfCleanFile.put(id, filePacks);
            }
        }

        long bytesLive = 0;
        long bytesBefore = present.values().stream().mapToLong(Long::longValue).sum();
        List<PackState> partial = new ArrayList<>();
        List<PackState> small = new ArrayList<>();
        for (PackState pack : packs.values()) {
            bytesLive += pack.liveBytes;
            if (pack.liveEntries == 0) {
                pack.fate = PackState.Fate.DELETE;
            } else if (pack.size < store.packTargetSize() / SMALL_PACK_DIVISOR) {
                small.add(pack);
            } else if (pack.deadBytes() > 0) {
                partial.add(pack);
            }
        }
        mergeSmallPacks(small, partial);
        chooseRepacks(partial, bytesLive);

        Set<PackId> unindexed = new TreeSet<>(present.keySet());
        unindexed.removeAll(everIndexed);
        Set<PackId> unindexedDeletable = new TreeSet<>(unindexed);
        // already unindexed at the previous prune (two-phase rule): the final index file's supersedes list named it
        unindexedDeletable.removeIf(pack -> !named.contains(pack.object()));
        Set<PackId> unindexedRemembered = new TreeSet<>(unindexed);
        unindexedRemembered.removeIf(pack -> named.contains(pack.object()));
        Set<PackId> deletePacks = new TreeSet<>();
        for (PackId pack : everIndexed) { // listed only by superseded index files: a crashed prune's leftovers
            if (present.containsKey(pack) && !packs.containsKey(pack)) {
                deletePacks.add(pack);
            }
        }
        packs.values().stream().filter(p -> p.fate != PackState.Fate.KEEP).forEach(p -> deletePacks.add(p.id));
        deletePacks.addAll(unindexedDeletable);
        long bytesFreed = deletePacks.stream().mapToLong(present::get).sum();

        // an index file whose every entry is kept, in packs that are all kept, stays as it is: no rewrite of a
        // year's worth of index entries because one pack changed
        Set<ObjectId> untouched = new HashSet<>();
        packsOfCleanFile.forEach((id, filePacks) -> {
            if (filePacks.stream().allMatch(p -> packs.get(p).fate == PackState.Fate.KEEP)) {
                untouched.add(id);
            }
        });
        List<ObjectId> retired =
                indexIds.stream().filter(id -> !untouched.contains(id)).toList();

        boolean dropsIndexEntries =
                packs.values().stream().anyMatch(p -> p.fate == PackState.Fate.KEEP && p.liveEntries < p.entries);
        boolean needed = !deletePacks.isEmpty()
                || !unindexedRemembered.isEmpty()
                || effective.size() < indexIds.size()
                || dropsIndexEntries
                || !snapshots.superseded().isEmpty();
        return new PrunePlan(
                snapshots.superseded(),
                indexIds,
                effective,
                untouched,
                retired,
                packs,
                copies,
                deletePacks,
                unindexedDeletable,
                unindexedRemembered,
                needed,
                marked,
                live.size(),
                live.bytes(),
                present.size(),
                bytesBefore,
                bytesLive,
                bytesFreed);
    }

    /**
     * Hourly backups each close one small pack; a year of them would be thousands of objects that every listing,
     * check and restore pays for. When at least {@link #SMALL_PACKS_WORTH_MERGING} packs are small, all of them are
     * rewritten into full ones whatever their dead share; fewer are left alone (one small pack must not be rewritten
     * by every prune). Small packs that are not merged compete with the others under the max-unused rule.
     */
    private static void mergeSmallPacks(List<PackState> small, List<PackState> partial) {
        if (small.size() >= SMALL_PACKS_WORTH_MERGING) {
            small.forEach(pack -> pack.fate = PackState.Fate.REPACK);
        } else {
            small.stream().filter(pack -> pack.deadBytes() > 0).forEach(partial::add);
        }
    }

    /** A pack below the target size divided by this is small (restic draws the same line). */
    static final int SMALL_PACK_DIVISOR = 25;

    static final int SMALL_PACKS_WORTH_MERGING = 10;

    /**
     * restic's rule: after the prune, dead bytes in kept packs may be at most {@code maxUnused} of the repository,
     * i.e. {@code unused <= live × maxUnused / (1 − maxUnused)}. Packs with the largest dead share go first.
     */
    private void chooseRepacks(List<PackState> partial, long bytesLive) {
        double allowed = bytesLive * options.maxUnused() / (1 - options.maxUnused());
        long unused = partial.stream().mapToLong(PackState::deadBytes).sum();
        partial.sort(Comparator.comparingDouble(PackState::deadShare).reversed().thenComparing(p -> p.id));
        for (PackState pack : partial) {
            if (unused <= allowed) {
                break;
            }
            pack.fate = PackState.Fate.REPACK;
            unused -= pack.deadBytes();
        }
    }
}
