package org.mailsnap.prune;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import org.mailsnap.model.BlobType;
import org.mailsnap.repository.BlobStore;
import org.mailsnap.repository.IndexBatchWriter;
import org.mailsnap.repository.MemoryBlobIndex;
import org.mailsnap.repository.PackCopier;
import org.mailsnap.repository.PackMaintenance;
import org.mailsnap.repository.Repository;
import org.mailsnap.repository.RepositoryException;
import org.mailsnap.repository.RepositoryLock;
import org.mailsnap.repository.RepositoryLockedException;
import org.mailsnap.storage.LocalStorage;

/**
 * Garbage collection, in the order of format-spec/operations.md ("prune and repack"); see the package doc for the
 * steps and what a crash between any two leaves.
 */
public final class Prune {
    private final Repository repository;
    private final PruneOptions options;
    private final PruneProgress progress;

    public Prune(Repository repository, PruneOptions options, PruneProgress progress) {
        this.repository = repository;
        this.options = options;
        this.progress = progress;
    }

    /** Takes the exclusive lock (fails with {@code RepositoryLockedException} naming the holder), then prunes. */
    public PruneResult run() throws IOException {
        try (RepositoryLock lock = repository.lockExclusive()) {
            return run(lock);
        }
    }

    /**
     * Like {@link #run()}, but while another process holds a conflicting lock, tries again every
     * {@code poll} until {@code wait} has passed, then fails as {@link #run()} does. While it waits it holds no lock,
     * so backups (shared locks) start and finish as usual; it gets its turn when none runs.
     *
     * @param onWait called (with the holder's description) before each pause
     */
    public PruneResult run(Duration wait, Duration poll, Consumer<String> onWait) throws IOException {
        long deadline = System.nanoTime() + wait.toNanos();
        while (true) {
            RepositoryLock lock;
            try {
                lock = repository.lockExclusive();
            } catch (RepositoryLockedException e) {
                if (System.nanoTime() - deadline >= 0) {
                    throw e;
                }
                progress.phase("waiting for the lock");
                onWait.accept(e.getMessage());
                try {
                    Thread.sleep(Math.max(1, Math.min(poll.toMillis(), (deadline - System.nanoTime()) / 1_000_000)));
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw new java.io.InterruptedIOException("interrupted while waiting for the lock");
                }
                continue;
            }
            try (lock) {
                return run(lock);
            }
        }
    }

    private PruneResult run(RepositoryLock lock) throws IOException {
        PackMaintenance store = repository.maintenance();
        int temporaries = options.dryRun() ? 0 : removeTemporaryFiles();

        // 2. index files and packs as they are now
        progress.phase("reading index files");
        List<String> indexIds = store.indexIds();
        Map<String, Long> present = store.listPacks();
        Set<String> named = new HashSet<>();          // every id in any supersedes list
        Set<String> everIndexed = new HashSet<>();    // packs listed by any index file, superseded or not
        long[] indexedEntries = {0};
        for (String id : indexIds) {
            named.addAll(store.readIndex(id, (blob, location) -> {
                everIndexed.add(location.pack());
                indexedEntries[0]++;
            }));
            progress.indexFilesRead.incrementAndGet();
        }
        List<String> effective = indexIds.stream().filter(id -> !named.contains(id)).toList();

        Map<String, PackState> packs = new HashMap<>();
        MemoryBlobIndex metadata = new MemoryBlobIndex();
        for (String id : effective) {
            store.readIndex(id, (blob, location) -> {
                if (present.containsKey(location.pack())) {
                    packs.computeIfAbsent(location.pack(), p -> new PackState(p, present.get(p))).entries++;
                    if (location.type() == BlobType.METADATA) {
                        metadata.addAll(List.of(Map.entry(blob, location)));
                    }
                }
            });
        }

        // mark
        progress.phase("marking live blobs");
        LiveSet live = new LiveSet(indexedEntries[0]);
        BlobStore reader = repository.openBlobStore(metadata);
        long snapshots = new Marker(repository, reader::get, live, progress).markAll();

        // sweep: is every live blob listed somewhere? which are listed more than once?
        progress.phase("sweeping");
        BitSet found = new BitSet(live.capacity());
        BitSet listedTwice = new BitSet(live.capacity());
        for (String id : effective) {
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
        Map<String, Set<String>> packsOfCleanFile = new HashMap<>();
        for (String id : effective) {
            Set<String> filePacks = new HashSet<>();
            boolean[] clean = {true};
            store.readIndex(id, (blob, location) -> {
                PackState pack = packs.get(location.pack());
                filePacks.add(location.pack());
                if (pack != null && copies.keeps(blob, pack.id)) {
                    pack.liveEntries++;
                    pack.liveBytes += location.length();
                } else {
                    clean[0] = false;
                }
            });
            if (clean[0] && !filePacks.isEmpty()) {
                packsOfCleanFile.put(id, filePacks);
            }
        }

        long bytesLive = 0;
        long bytesBefore = present.values().stream().mapToLong(Long::longValue).sum();
        List<PackState> partial = new ArrayList<>();
        for (PackState pack : packs.values()) {
            bytesLive += pack.liveBytes;
            if (pack.liveEntries == 0) {
                pack.fate = PackState.Fate.DELETE;
            } else if (pack.deadBytes() > 0) {
                partial.add(pack);
            }
        }
        chooseRepacks(partial, bytesLive);

        Set<String> unindexed = new TreeSet<>(present.keySet());
        unindexed.removeAll(everIndexed);
        Set<String> unindexedDeletable = new TreeSet<>(unindexed);
        unindexedDeletable.retainAll(named);   // already unindexed at the previous prune (two-phase rule)
        Set<String> unindexedRemembered = new TreeSet<>(unindexed);
        unindexedRemembered.removeAll(named);
        Set<String> deletePacks = new TreeSet<>();
        for (String pack : everIndexed) {      // listed only by superseded index files: a crashed prune's leftovers
            if (present.containsKey(pack) && !packs.containsKey(pack)) {
                deletePacks.add(pack);
            }
        }
        packs.values().stream().filter(p -> p.fate != PackState.Fate.KEEP).forEach(p -> deletePacks.add(p.id));
        deletePacks.addAll(unindexedDeletable);
        long packsRepacked = packs.values().stream().filter(p -> p.fate == PackState.Fate.REPACK).count();
        long packsDeleted = deletePacks.size() - packsRepacked - unindexedDeletable.size();
        long bytesFreed = deletePacks.stream().mapToLong(present::get).sum();
        long packsKept = packs.values().stream().filter(p -> p.fate == PackState.Fate.KEEP).count();

        // an index file whose every entry is kept, in packs that are all kept, stays as it is: no rewrite of a
        // year's worth of index entries because one pack changed
        Set<String> untouched = new HashSet<>();
        packsOfCleanFile.forEach((id, filePacks) -> {
            if (filePacks.stream().allMatch(p -> packs.get(p).fate == PackState.Fate.KEEP)) {
                untouched.add(id);
            }
        });
        List<String> retired = indexIds.stream().filter(id -> !untouched.contains(id)).toList();

        boolean dropsIndexEntries = packs.values().stream()
                .anyMatch(p -> p.fate == PackState.Fate.KEEP && p.liveEntries < p.entries);
        boolean needed = !deletePacks.isEmpty() || !unindexedRemembered.isEmpty() || effective.size() < indexIds.size()
                || dropsIndexEntries;
        if (options.dryRun() || !needed) {
            progress.phase(needed ? "dry run: nothing changed" : "nothing to prune");
            return new PruneResult(snapshots, live.size(), live.bytes(), indexIds.size(), present.size(), packsKept,
                    packsRepacked, packsDeleted, unindexedDeletable.size(), unindexedRemembered.size(), bytesBefore,
                    bytesLive, bytesFreed, 0, 0, 0, 0, false, options.dryRun(), temporaries);
        }

        // 3 + 4. new index files for kept packs, then repack into new packs (listed as they are published)
        lock.checkHeld();
        progress.phase("writing index files");
        IndexBatchWriter index = store.newIndexWriter();
        for (String id : effective) {
            if (untouched.contains(id)) {
                continue;
            }
            store.readIndex(id, (blob, location) -> {
                PackState pack = packs.get(location.pack());
                if (pack != null && pack.fate == PackState.Fate.KEEP && copies.keeps(blob, pack.id)) {
                    index.add(blob, location);
                }
            });
        }
        progress.phase("repacking");
        PackCopier copier = store.newCopier(index);
        for (PackState pack : packs.values().stream().filter(p -> p.fate == PackState.Fate.REPACK)
                .sorted(Comparator.comparing(p -> p.id)).toList()) {
            lock.checkHeld();
            copier.copy(pack.id, blob -> copies.keeps(blob, pack.id));
            progress.packsRepacked.incrementAndGet();
            progress.bytesRepacked.addAndGet(pack.liveBytes);
        }
        copier.finish();

        // 5. the final index file retires every index file read but the untouched ones, and remembers the
        // unindexed packs
        lock.checkHeld();
        List<String> supersedes = new ArrayList<>(new LinkedHashSet<>(retired));
        supersedes.addAll(unindexedRemembered);
        index.finish(supersedes);

        // 6. delete the old index files, then the packs no live index lists
        progress.phase("deleting");
        for (String id : retired) {
            lock.checkHeld();
            store.deleteIndex(id);
            progress.objectsDeleted.incrementAndGet();
        }
        for (String pack : deletePacks) {
            lock.checkHeld();
            store.deletePack(pack);
            progress.objectsDeleted.incrementAndGet();
        }
        progress.phase("done");
        return new PruneResult(snapshots, live.size(), live.bytes(), indexIds.size(), present.size(), packsKept,
                packsRepacked, packsDeleted, unindexedDeletable.size(), unindexedRemembered.size(), bytesBefore,
                bytesLive, bytesFreed, copier.blobsCopied(), copier.packsWritten(), index.written().size(),
                retired.size(), true, false, temporaries);
    }

    /**
     * A local directory keeps a killed writer's half-written object as a {@code .tmp-} file. Under the exclusive
     * lock no backup writes; only another process's lock object may be being written right now, so files younger
     * than an hour are left alone.
     */
    private int removeTemporaryFiles() throws IOException {
        if (repository.storage() instanceof LocalStorage local) {
            return local.cleanupTemporaryFiles(Duration.ofHours(1));
        }
        return 0;
    }

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
