package org.mailsnap.retention;

import java.io.IOException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.mailsnap.history.SnapshotObjects;
import org.mailsnap.history.SnapshotStore;
import org.mailsnap.history.StoreLedgers;
import org.mailsnap.model.BlobIndex;
import org.mailsnap.model.SnapshotId;
import org.mailsnap.repository.Repository;
import org.mailsnap.repository.RepositoryLock;
import org.mailsnap.snapshot.Snapshot;

/**
 * Plans and carries out a forget: reads every snapshot object, groups them, applies the policy, and deletes the
 * snapshot objects it removes. Only snapshot objects are deleted; their data stays until {@code prune}. With a
 * deleted-mail window ({@code --keep-deleted-within}), each store's ledger is written onto its newest snapshot
 * first ({@link DeletedMailLedger}), so the messages that left their folders while only the removed snapshots held
 * them stay restorable.
 *
 * <p>Lock: <b>shared</b>, not exclusive as restic takes. Deleting a snapshot object never invalidates anything a
 * concurrent backup relies on: no snapshot depends on another (the parent is informative), and a backup never reads
 * other snapshots. A shared lock keeps backups of other hosts running while a forget runs, and still excludes a
 * prune (exclusive), whose live set must not change under it. Two forgets at once delete overlapping sets; a
 * delete of an object already gone is harmless.
 */
public final class Forget {
    private final Repository repository;
    private final BlobIndex blobIndex;

    /**
     * @param blobIndex where blobs are found and the ledger chunks' locations recorded (the catalog's blob index,
     *                  synced); only a forget with a deleted-mail window reads or writes blobs
     */
    public Forget(Repository repository, BlobIndex blobIndex) {
        this.repository = repository;
        this.blobIndex = blobIndex;
    }

    /**
     * Reads every snapshot and decides; changes nothing.
     *
     * @param deletedWithin the deleted-mail window ({@code --keep-deleted-within}), or null: then each store's
     *                      ledger-carrying snapshot is kept ("deleted-mail ledger"), so no ledger is dropped by a
     *                      policy that did not ask
     */
    public ForgetPlan plan(RetentionPolicy policy, GroupBy groupBy, ZoneId zone, KeepWithin deletedWithin)
            throws IOException {
        Map<String, List<Candidate>> groups = new TreeMap<>();
        List<String> unreadable = new ArrayList<>();
        Map<String, Candidate> newest = new HashMap<>(); // per store (host:path), whatever the grouping
        SnapshotObjects objects = SnapshotObjects.load(repository);
        objects.unreadable().forEach((id, e) -> unreadable.add(id + ": " + e.getMessage()));
        Map<SnapshotId, Snapshot> current = objects.current();
        for (Map.Entry<SnapshotId, Snapshot> e : current.entrySet()) {
            SnapshotId id = e.getKey();
            Snapshot s = e.getValue();
            String key = groupBy.key(s.host(), s.store());
            Candidate candidate = new Candidate(id, s.time(), key, s.tags());
            newest.merge(s.storeKey(), candidate, (a, b) -> b.time().isAfter(a.time()) ? b : a);
            groups.computeIfAbsent(key, k -> new ArrayList<>()).add(candidate);
        }
        Map<String, StoreLedgers.Ledger> ledgers = StoreLedgers.of(current);
        Set<SnapshotId> keptFor = new HashSet<>();
        newest.values().forEach(c -> keptFor.add(c.id()));
        Set<SnapshotId> ledgerHolders = new HashSet<>();
        if (deletedWithin == null) {
            ledgers.values().forEach(l -> ledgerHolders.addAll(l.holders()));
        }
        List<ForgetPlan.Group> planned = new ArrayList<>();
        groups.forEach((key, candidates) -> planned.add(new ForgetPlan.Group(
                key,
                keepAlso(
                        keepAlso(policy.apply(candidates, zone), keptFor, "newest of its store"),
                        ledgerHolders,
                        "deleted-mail ledger"))));
        List<LedgerPlan> ledgerPlans =
                deletedWithin == null ? List.of() : ledgerPlans(current, planned, ledgers, deletedWithin, zone);
        return new ForgetPlan(planned, unreadable, objects.superseded(), ledgerPlans);
    }

    /**
     * Keeps the snapshots of {@code ids} for {@code reason} when the policy removed them. "newest of its store": each
     * host's catalog carries the last run's placements of its store, whose content the next backup reuses without
     * reading the files; were that snapshot forgotten and pruned, the next backup would reference deleted blobs.
     * With the default grouping every rule but {@code --keep-tag} keeps it anyway; this matters for
     * {@code --group-by host|path|none} and tag-only policies. "deleted-mail ledger": see {@link #plan}.
     */
    private static List<Decision> keepAlso(List<Decision> decisions, Set<SnapshotId> ids, String reason) {
        return decisions.stream()
                .map(d ->
                        !d.keep() && ids.contains(d.snapshot().id()) ? new Decision(d.snapshot(), List.of(reason)) : d)
                .toList();
    }

    /** Per store, its snapshots oldest first as decided, its current ledger and the window's start. */
    private static List<LedgerPlan> ledgerPlans(
            Map<SnapshotId, Snapshot> current,
            List<ForgetPlan.Group> planned,
            Map<String, StoreLedgers.Ledger> ledgers,
            KeepWithin window,
            ZoneId zone) {
        Map<SnapshotId, Boolean> kept = new HashMap<>();
        planned.forEach(g -> g.decisions().forEach(d -> kept.put(d.snapshot().id(), d.keep())));
        Map<String, List<LedgerPlan.StoreSnapshot>> stores = new TreeMap<>();
        current.forEach((id, s) -> stores.computeIfAbsent(s.storeKey(), k -> new ArrayList<>())
                .add(new LedgerPlan.StoreSnapshot(id, s, kept.get(id))));
        List<LedgerPlan> plans = new ArrayList<>();
        stores.forEach((store, snapshots) -> {
            snapshots.sort(Comparator.comparing(
                            (LedgerPlan.StoreSnapshot s) -> s.snapshot().time())
                    .thenComparing(LedgerPlan.StoreSnapshot::id));
            Snapshot newest = snapshots.get(snapshots.size() - 1).snapshot();
            long windowStart = window.before(newest.time().atZone(zone)).toEpochSecond();
            plans.add(new LedgerPlan(store, snapshots, ledgers.get(store), windowStart));
        });
        return plans;
    }

    /** What {@link #run} would write into each store's ledger; changes nothing. */
    public List<DeletedMailLedger.Outcome> preview(ForgetPlan plan) throws IOException {
        List<DeletedMailLedger.Outcome> outcomes = new ArrayList<>();
        DeletedMailLedger ledger = new DeletedMailLedger(repository, blobIndex);
        for (LedgerPlan p : plan.ledgers()) {
            outcomes.add(ledger.preview(p));
        }
        return outcomes;
    }

    /** What a forget did: snapshots deleted, and each store's deleted-mail ledger. */
    public record Outcome(int deleted, List<DeletedMailLedger.Outcome> ledgers) {
        public Outcome {
            ledgers = List.copyOf(ledgers);
        }
    }

    /**
     * Carries out the plan under a shared lock (format-spec/operations.md, "forget" and "forget
     * --keep-deleted-within"): deletes the superseded leftovers, writes each store's ledger onto its newest
     * snapshot, then deletes the snapshots the plan removes.
     *
     * @param progress called after each deletion with the count so far
     */
    public Outcome run(ForgetPlan plan, java.util.function.IntConsumer progress) throws IOException {
        int deleted = 0;
        List<DeletedMailLedger.Outcome> ledgers = new ArrayList<>();
        try (RepositoryLock lock = repository.lockShared()) {
            for (SnapshotId id : plan.superseded()) {
                lock.checkHeld();
                SnapshotStore.delete(repository, id);
            }
            DeletedMailLedger ledger = new DeletedMailLedger(repository, blobIndex);
            for (LedgerPlan p : plan.ledgers()) {
                lock.checkHeld();
                ledgers.add(ledger.write(p));
            }
            // oldest first: a removed snapshot's successor is then still present when its own turn comes, so a
            // forget run again after a kill finds each departure between the same two snapshots as this one did
            List<Decision> removed = new ArrayList<>(plan.removed());
            removed.sort(Comparator.comparing((Decision d) -> d.snapshot().time())
                    .thenComparing(d -> d.snapshot().id()));
            for (Decision d : removed) {
                lock.checkHeld();
                SnapshotStore.delete(repository, d.snapshot().id());
                progress.accept(++deleted);
            }
        }
        return new Outcome(deleted, ledgers);
    }
}
