package org.mailsnap.retention;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.mailsnap.crypto.Argon2Params;
import org.mailsnap.history.SnapshotStore;
import org.mailsnap.model.SnapshotId;
import org.mailsnap.repository.MemoryBlobIndex;
import org.mailsnap.repository.Repository;
import org.mailsnap.repository.RepositoryOptions;
import org.mailsnap.snapshot.Snapshot;
import org.mailsnap.snapshot.SnapshotStats;
import org.mailsnap.storage.MemoryStorage;

/**
 * Forget on a repository: snapshots of two hosts and two stores at set times (a week of hourly runs, written as
 * snapshot objects with the times a clock would have given), grouped per store, one damaged object left alone.
 */
class ForgetTest {
    private static final Instant START = Instant.parse("2026-03-02T00:30:00Z"); // a Monday

    private final MemoryStorage storage = new MemoryStorage();

    private SnapshotId save(Repository repo, Instant time, String host, String store, List<String> tags)
            throws Exception {
        Snapshot s = new Snapshot(
                time,
                host,
                store,
                ':',
                "",
                tags,
                List.of(),
                new SnapshotStats(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, List.of()));
        return SnapshotStore.save(repo, s);
    }

    @Test
    void eachStoreIsThinnedOnItsOwnAndOnlyRemovedSnapshotsAreDeleted() throws Exception {
        Repository repo = Repository.init(
                storage,
                "pw".toCharArray(),
                RepositoryOptions.builder().argon2(new Argon2Params(8, 1, 1)).build());
        for (int hour = 0; hour < 7 * 24; hour++) {
            Instant t = START.plus(Duration.ofHours(hour));
            save(repo, t, "mx1", "/var/vmail", List.of());
            if (hour % 24 == 0) {
                save(repo, t.plusSeconds(60), "mx2", "/var/vmail", hour == 0 ? List.of("keep") : List.of());
            }
        }
        storage.put("snapshots/" + "ab".repeat(32), new byte[] {1, 2, 3}); // garbage: named, unreadable

        RetentionPolicy policy = RetentionPolicy.of(0, 6, 3, 0, 0, 0, null, List.of("keep"));
        Forget forget = new Forget(repo, new MemoryBlobIndex());
        ForgetPlan plan = forget.plan(policy, GroupBy.HOST_PATH, ZoneOffset.UTC, null);
        assertEquals(
                List.of("mx1:/var/vmail", "mx2:/var/vmail"),
                plan.groups().stream().map(ForgetPlan.Group::key).toList());
        ForgetPlan.Group mx1 = plan.groups().get(0);
        ForgetPlan.Group mx2 = plan.groups().get(1);
        // mx1: 6 hourly (the last 6 hours of the last day, which include that day's newest), + the newest of the 2
        // days before = 8
        assertEquals(8, mx1.decisions().stream().filter(Decision::keep).count());
        assertEquals(
                List.of("hourly snapshot", "daily snapshot"),
                mx1.decisions().get(0).reasons());
        // mx2: one a day: hourly 6 keeps days 6..1 (each its own hour), the tag keeps day 0
        assertEquals(7, mx2.decisions().size());
        assertEquals(List.of("tag keep"), mx2.decisions().get(6).reasons());
        assertEquals(0, mx2.decisions().stream().filter(d -> !d.keep()).count(), "mx2 keeps all 7");
        assertEquals(1, plan.unreadable().size());
        assertTrue(plan.unreadable().get(0).startsWith("ab"), plan.unreadable().toString());

        Set<SnapshotId> before = new TreeSet<>(SnapshotStore.list(repo));
        int deleted = forget.run(plan, n -> {}).deleted();
        assertEquals(plan.removed().size(), deleted);
        Set<SnapshotId> expected = new TreeSet<>(before);
        plan.removed().forEach(d -> expected.remove(d.snapshot().id()));
        assertEquals(expected, new TreeSet<>(SnapshotStore.list(repo)));
        assertTrue(expected.contains(SnapshotId.parse("ab".repeat(32))), "the unreadable object is left alone");
        assertTrue(repo.listLocks().isEmpty(), "the shared lock is released");

        ForgetPlan none =
                forget.plan(RetentionPolicy.of(0, 0, 0, 0, 0, 0, null, List.of()), GroupBy.NONE, ZoneOffset.UTC, null);
        assertEquals(1, none.groups().size(), "--group-by none: one group");

        ForgetPlan lastOne =
                forget.plan(RetentionPolicy.of(1, 0, 0, 0, 0, 0, null, List.of()), GroupBy.NONE, ZoneOffset.UTC, null);
        List<Decision> kept = lastOne.kept();
        assertEquals(2, kept.size(), "the newest of the one group, and the newest of the other store: " + kept);
        assertEquals(List.of("last snapshot"), kept.get(0).reasons());
        assertEquals(List.of("newest of its store"), kept.get(1).reasons());
    }
}
