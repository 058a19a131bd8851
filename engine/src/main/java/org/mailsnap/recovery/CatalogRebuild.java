package org.mailsnap.recovery;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.mailsnap.catalog.Catalog;
import org.mailsnap.catalog.CatalogException;
import org.mailsnap.catalog.CatalogReader;
import org.mailsnap.catalog.DamagedBlob;
import org.mailsnap.catalog.SnapshotSummary;
import org.mailsnap.check.DamageMarks;
import org.mailsnap.history.CatalogSync;
import org.mailsnap.history.SnapshotHistory;
import org.mailsnap.history.StoreLedgers;
import org.mailsnap.repository.BlobStore;
import org.mailsnap.repository.Repository;
import org.mailsnap.repository.RepositoryLock;
import org.mailsnap.snapshot.BlobSource;

/**
 * Rebuilds an empty catalog from the repository alone ({@code mailsnap catalog rebuild} on a new machine), so that
 * restores and searches work and <b>the next backup is incremental</b>: it opens no message file it had stored.
 *
 * <ol>
 *   <li>Under a shared repository lock, refuse a catalog that already knows snapshots (delete it first).</li>
 *   <li>Load the blob index from every index file, and mark bad the locations in packs that are not in
 *       {@code data/} (the old catalog's marks are gone; see {@code check.DamageMarks}, applied at the end so the
 *       next backup reads again what those packs held); sync the snapshot summaries. A snapshot object that cannot be
 *       read is left out and named in the result (the rebuild is then partial): one damaged object must not keep
 *       a new machine from restoring everything else.</li>
 *   <li>Per store (host and path), replay its snapshots oldest first ({@code StoreReplay}): the content map
 *       (mailbox, base → blobs and mtime) and the search index (header fields, first snapshot, last snapshot of a
 *       message that went away), reading only the manifest chunks that changed between consecutive snapshots and
 *       each distinct message's header blob once.</li>
 *   <li>Write the store's latest snapshot as the last run's state ({@code LastRunWriter}): every placement, then
 *       each folder's state: its tree entry and a listing time.</li>
 *   <li>Index the store's deleted-mail ledger (format-spec/snapshots.md, "Which ledger is the store's"): each
 *       entry is a departure from snapshots since forgotten ({@code SearchIndexer.departed}), so that
 *       {@code find --deleted-since} finds what the catalog built by backups finds.</li>
 * </ol>
 * Changes go through one LMDB write transaction committed every {@code commitEvery} changes; memory holds two trees
 * and one manifest chunk, whatever the number of messages.
 *
 * <h2>The listing time of a rebuilt folder state</h2>
 * A backup skips a folder whose {@code new/} and {@code cur/} mtimes equal the recorded ones and are older than the
 * recorded listing time by more than the timestamp granularity (the same-second guard: a change in the very tick of
 * a listing leaves the mtime unchanged). The listing time is not in the tree; the rebuild records instead the time
 * of the earliest snapshot from which on, up to the latest, the folder's entry had the same directory mtimes. That
 * is safe because it is never later than the listing that produced the entry: a run's snapshot time is when the run
 * started, before any of its listings, and an entry carried unchanged from run to run came from a listing in the
 * first of those runs. So the rebuilt guard is at least as strict as the original one; at worst a folder whose
 * mtime lies within the run's duration of that time is listed once more (a listing, no message is read). And a
 * directory changed after the snapshot has an mtime different from the recorded one, so it is listed again anyway.
 *
 * <h2>What the search index records</h2>
 * The first snapshot holding a message (by id, not left empty as a running backup does), and for a message absent
 * from its store's latest snapshot the last snapshot that held it. A message is "gone" when no folder of the
 * mailbox shows it in a chunk that changed in that snapshot; the final pass over the latest snapshot marks
 * everything it holds present again, so a base that stayed in an unchanged folder after its copy elsewhere was
 * expunged is never reported gone. Then each ledger entry of a message the latest snapshot does not hold: the
 * message went away at the latest departure known, from the snapshots or the ledger, whichever was last seen later
 * (to the second, the ledger's precision). A departure the repository no longer records exactly (the snapshot
 * after a kept one forgotten, and no ledger entry, since a kept snapshot needs none) is dated by the next snapshot
 * still present: later than a backup noticed it, never earlier. Mailbox names are shared by all stores, as in a
 * running backup's index.
 *
 * <p>A catalog made by {@link Catalog#recreate} stays marked unfinished until the rebuild's very end
 * ({@link Catalog#finishRebuild}, after the repository lock is released): a rebuild that stops half-way leaves a
 * catalog that every command refuses or rebuilds again, never one taken for whole.
 */
public final class CatalogRebuild {
    /** Changes per committed LMDB transaction. */
    public static final int DEFAULT_COMMIT_EVERY = 50_000;

    private final Repository repository;
    private final Catalog catalog;
    private final int commitEvery;

    public CatalogRebuild(Repository repository, Catalog catalog) {
        this(repository, catalog, DEFAULT_COMMIT_EVERY);
    }

    /** @param commitEvery changes per committed transaction, at least 1 */
    public CatalogRebuild(Repository repository, Catalog catalog, int commitEvery) {
        if (commitEvery < 1) {
            throw new IllegalArgumentException("commitEvery must be at least 1, got " + commitEvery);
        }
        this.repository = repository;
        this.catalog = catalog;
        this.commitEvery = commitEvery;
    }

    /**
     * Rebuilds the catalog.
     *
     * @throws IOException when the catalog already knows snapshots (nothing is changed then)
     */
    public RebuildResult run(RebuildProgress progress) throws IOException {
        long began = System.nanoTime();
        RebuildResult result;
        try (RepositoryLock lock = repository.lockShared()) {
            requireEmpty();
            CatalogSync.blobIndex(repository, catalog);
            List<DamagedBlob> lost = catalog.blobs()
                    .markPacksMissing(
                            repository.maintenance().listPacks().packs().keySet());
            SnapshotHistory history = SnapshotHistory.load(repository, catalog);
            progress.snapshots.total.set(history.all().size());
            Map<String, List<SnapshotSummary>> byStore = new TreeMap<>();
            for (SnapshotSummary s : history.all()) {
                byStore.computeIfAbsent(s.storeKey(), k -> new ArrayList<>()).add(s);
            }
            BlobStore store = repository.openBlobStore(catalog.blobs());
            BlobSource blobs = store.inStoredOrder()::get;
            try (CatalogBatch batch = new CatalogBatch(catalog, commitEvery, progress)) {
                SearchIndexer index = new SearchIndexer(batch, blobs, progress);
                for (List<SnapshotSummary> snapshots : byStore.values()) {
                    StoreReplay.Latest latest = new StoreReplay(blobs, history, index, progress).replay(snapshots);
                    new LastRunWriter(batch, blobs, index, progress).write(latest);
                    // step 5: the store's deleted-mail ledger, after its snapshots, so that a message whose
                    // snapshots were all forgotten is found as the catalog a backup built finds it
                    StoreLedgers.forEachEntry(
                            latest.ledgerCarriers(),
                            blobs,
                            (holder, carrier, g) -> index.departed(holder, g, carrier.separator()));
                }
                batch.commit();
            }
            DamageMarks.record(catalog, lost, List.of());
            result = new RebuildResult(
                    byStore.size(),
                    history.all().size(),
                    progress.foldersWritten.get(),
                    progress.placementsWritten.get(),
                    progress.messagesIndexed.get(),
                    progress.messagesGone.get(),
                    catalog.blobs().size(),
                    System.nanoTime() - began,
                    history.damaged(),
                    lost.size());
        }
        // last, after the repository lock's release (a write that a kill may interrupt): only a rebuild that got
        // here is a whole catalog
        catalog.finishRebuild();
        return result;
    }

    private void requireEmpty() throws IOException {
        try (CatalogReader reader = catalog.read()) {
            int known = reader.snapshots().size();
            if (known > 0) {
                throw new CatalogException("catalog " + catalog.directory() + " already knows " + known
                        + " snapshot(s); a rebuild starts from an empty catalog: delete it first (nothing was"
                        + " changed)");
            }
        }
    }
}
