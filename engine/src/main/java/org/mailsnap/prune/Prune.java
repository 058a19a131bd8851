package org.mailsnap.prune;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Consumer;
import org.mailsnap.history.SnapshotStore;
import org.mailsnap.model.ObjectId;
import org.mailsnap.model.PackId;
import org.mailsnap.model.SnapshotId;
import org.mailsnap.repository.IndexBatchWriter;
import org.mailsnap.repository.PackCopier;
import org.mailsnap.repository.PackMaintenance;
import org.mailsnap.repository.Repository;
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

    /**
     * Takes the exclusive lock, then prunes. While another process holds a conflicting lock, tries again every
     * {@code poll} until {@code wait} has passed (zero: no second try), then fails with
     * {@code RepositoryLockedException} naming the holder. While it waits it holds no lock, so backups (shared
     * locks) start and finish as usual; it gets its turn when none runs.
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
        PackMaintenance store = repository.packMaintenance();
        int temporaries = options.dryRun() ? 0 : removeTemporaryFiles();
        PrunePlan plan = new PrunePlanner(repository, store, options, progress).plan();
        if (options.dryRun() || !plan.needed()) {
            progress.phase(plan.needed() ? "dry run: nothing changed" : "nothing to prune");
            return plan.result(0, 0, 0, 0, false, options.dryRun(), temporaries);
        }
        lock.checkHeld();
        IndexBatchWriter index = store.newIndexWriter();
        listKeptPacks(store, plan, index);
        PackCopier copier = store.newCopier(index);
        repack(plan, copier, lock);

        // 5. the final index file retires every index file read but the untouched ones, and remembers the
        // unindexed packs
        lock.checkHeld();
        List<ObjectId> supersedes = new ArrayList<>(plan.retired());
        plan.unindexedRemembered().forEach(pack -> supersedes.add(pack.object()));
        index.finish(supersedes);

        delete(store, plan, lock);
        progress.phase("done");
        return plan.result(
                copier.blobsCopied(),
                copier.packsWritten(),
                index.written().size(),
                plan.retired().size(),
                true,
                false,
                temporaries);
    }

    /** Step 4, first half: the kept copies in kept packs, from the index files that are not left untouched. */
    private void listKeptPacks(PackMaintenance store, PrunePlan plan, IndexBatchWriter index) throws IOException {
        progress.phase("writing index files");
        for (ObjectId id : plan.effective()) {
            if (plan.untouched().contains(id)) {
                continue;
            }
            store.readIndex(id, (blob, location) -> {
                PackState pack = plan.packs().get(location.pack());
                if (pack != null
                        && pack.fate == PackState.Fate.KEEP
                        && plan.copies().keeps(blob, pack.id)) {
                    index.add(blob, location);
                }
            });
        }
    }

    /** Step 3 (and 4, second half): the kept copies in packs being rewritten go to new packs, then the index. */
    private void repack(PrunePlan plan, PackCopier copier, RepositoryLock lock) throws IOException {
        progress.phase("repacking");
        for (PackState pack : plan.packs().values().stream()
                .filter(p -> p.fate == PackState.Fate.REPACK)
                .sorted(Comparator.comparing(p -> p.id))
                .toList()) {
            lock.checkHeld();
            copier.copy(pack.id, blob -> plan.copies().keeps(blob, pack.id));
            progress.packsRepacked.increment();
            progress.bytesRepacked.add(pack.liveBytes);
        }
        copier.finish();
    }

    /**
     * Step 6: the superseded snapshot objects (they reference blobs this prune did not keep live), the retired
     * index files, then the packs no live index file lists.
     */
    private void delete(PackMaintenance store, PrunePlan plan, RepositoryLock lock) throws IOException {
        progress.phase("deleting");
        for (SnapshotId id : plan.supersededSnapshots()) {
            lock.checkHeld();
            SnapshotStore.delete(repository, id);
            progress.objectsDeleted.increment();
        }
        for (ObjectId id : plan.retired()) {
            lock.checkHeld();
            store.deleteIndex(id);
            progress.objectsDeleted.increment();
        }
        for (PackId pack : plan.deletePacks()) {
            lock.checkHeld();
            store.deletePack(pack);
            progress.objectsDeleted.increment();
        }
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
}
