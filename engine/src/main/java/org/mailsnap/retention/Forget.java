package org.mailsnap.retention;

import java.io.IOException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Set;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.mailsnap.codec.CorruptDataException;
import org.mailsnap.history.SnapshotObjects;
import org.mailsnap.repository.ObjectKind;
import org.mailsnap.repository.Repository;
import org.mailsnap.repository.RepositoryLock;
import org.mailsnap.snapshot.Snapshot;

/**
 * Plans and carries out a forget: reads every snapshot object, groups them, applies the policy, and deletes the
 * snapshot objects it removes. Only snapshot objects are deleted; their data stays until {@code prune}.
 *
 * <p>Lock: <b>shared</b>, not exclusive as restic takes. Deleting a snapshot object never invalidates anything a
 * concurrent backup relies on: no snapshot depends on another (the parent is informative), and a backup never reads
 * other snapshots. A shared lock keeps backups of other hosts running while a forget runs, and still excludes a
 * prune (exclusive), whose live set must not change under it. Two forgets at once delete overlapping sets; a
 * delete of an object already gone is harmless.
 */
public final class Forget {
    private final Repository repository;

    public Forget(Repository repository) {
        this.repository = repository;
    }

    /** Reads every snapshot and decides; changes nothing. */
    public ForgetPlan plan(RetentionPolicy policy, GroupBy groupBy, ZoneId zone) throws IOException {
        Map<String, List<Candidate>> groups = new TreeMap<>();
        List<String> unreadable = new ArrayList<>();
        Map<String, Candidate> newest = new HashMap<>();   // per store (host:path), whatever the grouping
        SnapshotObjects objects = SnapshotObjects.load(repository);
        objects.unreadable().forEach((id, e) -> unreadable.add(id + ": " + e.getMessage()));
        for (Map.Entry<String, Snapshot> e : objects.current().entrySet()) {
            String id = e.getKey();
            Snapshot s = e.getValue();
            String key = groupBy.key(s.host(), s.store());
            newest.merge(s.storeKey(), new Candidate(id, s.time(), key, s.tags()),
                    (a, b) -> b.time().isAfter(a.time()) ? b : a);
            groups.computeIfAbsent(key, k -> new ArrayList<>()).add(new Candidate(id, s.time(), key, s.tags()));
        }
        List<ForgetPlan.Group> planned = new ArrayList<>();
        groups.forEach((key, candidates) -> planned.add(new ForgetPlan.Group(key,
                keepNewestOfEachStore(policy.apply(candidates, zone), newest))));
        return new ForgetPlan(planned, unreadable, objects.superseded());
    }

    /**
     * The newest snapshot of each store is always kept ("newest of its store"). Each host's catalog carries the last
     * run's placements of its store, whose content the next backup reuses without reading the files; were that
     * snapshot forgotten and pruned, the next backup would reference deleted blobs. With the default grouping every
     * rule but {@code --keep-tag} keeps it anyway; this matters for {@code --group-by host|path|none} and tag-only
     * policies.
     */
    private static List<Decision> keepNewestOfEachStore(List<Decision> decisions, Map<String, Candidate> newest) {
        Set<String> newestIds = new HashSet<>();
        newest.values().forEach(c -> newestIds.add(c.id()));
        List<Decision> result = new ArrayList<>(decisions.size());
        for (Decision d : decisions) {
            if (!d.keep() && newestIds.contains(d.snapshot().id())) {
                d = new Decision(d.snapshot(), List.of("newest of its store"));
            }
            result.add(d);
        }
        return result;
    }

    /**
     * Deletes the snapshot objects the plan removes, under a shared lock; returns how many were deleted.
     *
     * @param progress called after each deletion with the count so far
     */
    public int execute(ForgetPlan plan, java.util.function.IntConsumer progress) throws IOException {
        int deleted = 0;
        try (RepositoryLock lock = repository.lockShared()) {
            for (String id : plan.superseded()) {
                lock.checkHeld();
                repository.objects().delete(ObjectKind.SNAPSHOT, id);
            }
            for (Decision d : plan.removed()) {
                lock.checkHeld();
                repository.objects().delete(ObjectKind.SNAPSHOT, d.snapshot().id());
                progress.accept(++deleted);
            }
        }
        return deleted;
    }
}
