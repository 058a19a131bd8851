package org.mailsnap.check;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.mailsnap.catalog.DamagedBlob;
import org.mailsnap.history.SnapshotStore;
import org.mailsnap.model.BlobId;
import org.mailsnap.model.SnapshotId;
import org.mailsnap.repository.LockInfo;
import org.mailsnap.repository.Repository;
import org.mailsnap.storage.LocalStorage;

/**
 * Checks a repository (see the package doc for the algorithm). Reads only: takes no lock (a backup may run
 * meanwhile; what it publishes after the listings is simply not seen), writes nothing to the repository.
 *
 * <pre>{@code
 * CheckResult result = new Checker(repository, DataSelection.ALL, catalogLookup).run();
 * DamageMarks.record(catalog, result);   // so that the next backup stores the affected messages again
 *                                       // (and deduplicates again against marked blobs found intact)
 * }</pre>
 */
public final class Checker {
    private final Repository repository;
    private final DataSelection readData;
    private final MessageLookup lookup;
    private final CheckProgress progress;
    private final Collection<DamagedBlob> marked;

    /**
     * @param readData which packs to read whole and verify blob by blob
     * @param lookup   Subject and Message-ID by (mailbox, base), for reports ({@link MessageLookup#NONE} without a
     *                 catalog)
     */
    public Checker(Repository repository, DataSelection readData, MessageLookup lookup) {
        this(repository, readData, lookup, List.of(), new CheckProgress());
    }

    /**
     * @param marked   locations the catalog holds marked bad ({@code CatalogBlobIndex.damagedLocations}): those
     *                 that the packs read whole prove intact come back in {@link CheckResult#intact()}
     * @param progress counted as the check goes, for a progress display
     */
    public Checker(
            Repository repository,
            DataSelection readData,
            MessageLookup lookup,
            Collection<DamagedBlob> marked,
            CheckProgress progress) {
        this.repository = repository;
        this.readData = readData;
        this.lookup = lookup;
        this.marked = List.copyOf(marked);
        this.progress = progress;
    }

    /** The first few ids, for a finding that stands for many. */
    static String examples(Collection<BlobId> ids) {
        return ids.stream().limit(3).map(id -> id.shortHex() + "…").collect(Collectors.joining(", ", "e.g. ", ""))
                + (ids.size() > 3 ? ", and " + (ids.size() - 3) + " more" : "");
    }

    public CheckResult run() throws IOException {
        List<Finding> leftovers = new ArrayList<>();
        Instant now = Instant.now();
        for (LockInfo lock : repository.listLocks()) {
            if (lock.stale()) {
                leftovers.add(new Finding(
                        "lock " + lock.id().shortId(),
                        "stale: " + lock.describe(now) + " ('mailsnap unlock' removes it)"));
            } else if (!lock.problem().isEmpty()) {
                leftovers.add(new Finding("lock " + lock.id().shortId(), lock.describe(now)));
            }
        }
        if (repository.storage() instanceof LocalStorage local) {
            for (String name : local.temporaryFiles()) {
                leftovers.add(new Finding(
                        name, "temporary file of a writer that died before publishing (or of one" + " still running)"));
            }
        }
        // Snapshots are listed first: a writer publishes its index files before its snapshot, so every snapshot
        // in this listing has its blobs in index files the later index listing shows (no false "in no index"
        // for a backup that finishes while check runs).
        List<SnapshotId> snapshotIds = SnapshotStore.list(repository);
        IndexScan scan = new IndexScan(repository, readData, marked, progress);
        scan.run();
        SnapshotWalk walk = new SnapshotWalk(repository, scan, lookup, progress);
        walk.run(snapshotIds);

        List<Finding> damage = new ArrayList<>(scan.damage);
        damage.addAll(walk.damage);
        if (!walk.unlisted.isEmpty()) {
            damage.add(new Finding(
                    walk.unlisted.size() + " blobs",
                    "referenced by snapshots but in no live index" + " file (" + examples(walk.unlisted.keySet())
                            + "): no pack known holds them"));
        }
        leftovers.addAll(scan.leftovers);
        leftovers.addAll(walk.leftovers);
        Map<String, DamagedBlob> bad = new LinkedHashMap<>();
        for (DamagedBlob b : scan.badBlobs) {
            bad.putIfAbsent(b.id().toHex() + b.pack(), b);
        }
        for (Map.Entry<BlobId, String> e : walk.unlisted.entrySet()) {
            bad.putIfAbsent(e.getKey().toHex(), new DamagedBlob(e.getKey(), null, e.getValue()));
        }
        CheckResult.Stats stats = new CheckResult.Stats(
                snapshotIds.size(),
                scan.indexFiles,
                scan.packs,
                (long) scan.data.size() + scan.metadata.size(),
                scan.packsRead,
                scan.blobsRead,
                walk.treeChunks,
                walk.manifestChunks);
        return new CheckResult(
                damage,
                leftovers,
                walk.affectedSnapshots,
                walk.affectedMessages,
                new ArrayList<>(bad.values()),
                scan.intact,
                stats);
    }
}
