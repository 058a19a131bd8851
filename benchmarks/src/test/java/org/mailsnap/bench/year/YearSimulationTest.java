package org.mailsnap.bench.year;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Six simulated weeks of hourly backups thinned by issue 13's policy, with the assertions of the year benchmark:
 * the snapshots the oracle expects, each restoring to the store as it was, a repository within its bound, and every
 * message expunged in the six weeks restorable (from a kept snapshot or the deleted-mail ledger) and listed by
 * {@code find --deleted-since}.
 */
class YearSimulationTest {

    @Test
    void sixWeeksOfHourlyBackupsThinnedByThePolicyKeepWhatTheOracleSaysAndRestoreExactly(@TempDir Path work)
            throws IOException {
        long seed = Long.getLong("year.seed", System.nanoTime());
        System.out.println("YearSimulationTest seed " + seed + " (rerun with -Dyear.seed=" + seed + ")");
        YearSpec spec = YearSpec.weeks(seed, 6);
        try (YearSimulation sim = YearSimulation.create(spec, work)) {
            sim.run((hour, time, store) -> {});
            sim.forgetAndPrune();
            System.out.println("seconds by part: " + sim.secondsByPart());

            assertEquals(List.of(), sim.verifySnapshotCount(), "seed " + seed);
            // Fri 1 Jan to Thu 11 Feb: 48 hourly, 30 daily (2 on the hourly ones' days), 7 ISO weeks' newest (the
            // last and 4 Sundays among the dailies; 31 Jan, a Sunday, is also January's month end), and the
            // oldest snapshot, as the weekly and monthly rules have count left over
            assertEquals(48 + 28 + 2 + 1, sim.snapshotTimes().size(), "seed " + seed);
            assertTrue(sim.snapshotTimes().contains(spec.start()), "the oldest snapshot is kept");
            long t0 = System.nanoTime();
            assertEquals(List.of(), sim.verifyKeptSnapshotsRestore(2), "seed " + seed);
            System.out.printf("restoring every kept snapshot: %.1f s%n", (System.nanoTime() - t0) / 1e9);
            RepositorySize size = sim.repositorySize(0.05);
            System.out.println(size);
            assertEquals(java.util.Optional.empty(), size.problem(), "seed " + seed);
            // Within --keep-deleted-within 90d every expunged message stays (the ledger), so what the repository
            // must retain is all the store ever held here; the ledger's part is checked below (fromLedger > 0).
            assertTrue(size.retained() <= size.everHeld(), "each kept message is counted once: " + size);
            DeletedMailCheck deleted = sim.verifyDeletedMessagesRestorable();
            System.out.println("deleted messages verified: " + deleted);
            assertEquals(List.of(), deleted.problems(), "seed " + seed);
            assertEquals(0, deleted.beforeWindow(), "six weeks all fall within --keep-deleted-within 90d");
            assertTrue(
                    deleted.fromLedger() > 0,
                    "forgotten snapshots held messages expunged since, which only the"
                            + " deleted-mail ledger gives back");
            DeletedMailFind found = sim.verifyFindDeletedSince();
            System.out.println("deleted messages found: " + found);
            assertEquals(List.of(), found.problems(), "seed " + seed);
            assertEquals(deleted.inWindow(), found.expected(), "both checks count the same window");
            assertEquals(deleted.inWindow(), found.listed());
            assertEquals(
                    6 * 7, sim.maintenanceRuns(), "one maintenance per midnight, the last one after the last hour");
            assertEquals(6 + 1, sim.prunes(), "a prune every Monday, and the last one");
        }
    }

    @Test
    void aPausedSimulationResumedInAnotherInstanceGoesOnAsOneHistory(@TempDir Path work) throws IOException {
        long seed = Long.getLong("year.seed", System.nanoTime());
        System.out.println("YearSimulationTest seed " + seed + " (rerun with -Dyear.seed=" + seed + ")");
        YearSpec spec = YearSpec.weeks(seed, 2);
        assertFalse(YearSimulation.paused(work));
        try (YearSimulation first = YearSimulation.create(spec, work)) {
            first.advance(8 * 24, (hour, time, store) -> {}); // past the first Monday's prune
            first.pause();
        }
        assertTrue(YearSimulation.paused(work));
        try (YearSimulation failedStart = YearSimulation.resume(spec, work)) {
            assertEquals(8 * 24, failedStart.hoursDone()); // and closed before it advances, as a failed start would
        }
        assertTrue(YearSimulation.paused(work), "a resume that never advanced can be started again");
        try (YearSimulation sim = YearSimulation.resume(spec, work)) {
            assertEquals(8 * 24, sim.hoursDone());
            sim.advance(1, (hour, time, store) -> {});
            assertFalse(YearSimulation.paused(work), "the saved state stops matching the store once it advances");
            sim.run((hour, time, store) -> {});
            sim.forgetAndPrune();

            assertEquals(List.of(), sim.verifySnapshotCount(), "seed " + seed);
            // the digests of the hours before the pause came from the saved state, those after from this instance
            assertEquals(List.of(), sim.verifyKeptSnapshotsRestore(2), "seed " + seed);
            assertEquals(java.util.Optional.empty(), sim.repositorySize(0.05).problem(), "seed " + seed);
            DeletedMailCheck deleted = sim.verifyDeletedMessagesRestorable();
            assertEquals(List.of(), deleted.problems(), "seed " + seed);
            assertTrue(deleted.inWindow() > 0, "messages expunged before the pause count too: " + deleted);
            assertEquals(List.of(), sim.verifyFindDeletedSince().problems(), "seed " + seed);
            assertEquals(2 * 7, sim.maintenanceRuns(), "the counts carried over the pause");
            assertEquals(2 + 1, sim.prunes());
        }
    }

    @Test
    void aLostPausedStateIsRebuiltByAReplayOnlyWhenTheReplayedStoreIsThePausedOne(
            @TempDir Path work, @TempDir Path scratch) throws IOException {
        long seed = Long.getLong("year.seed", System.nanoTime());
        System.out.println("YearSimulationTest seed " + seed + " (rerun with -Dyear.seed=" + seed + ")");
        YearSpec spec = YearSpec.weeks(seed, 1);
        try (YearSimulation first = YearSimulation.create(spec, work)) {
            first.advance(3 * 24, (hour, time, store) -> {}); // two daily forgets among them
            first.pause();
        }
        Files.delete(work.resolve("paused-state")); // lost

        IOException shorter = assertThrows(
                IOException.class, () -> PausedStateReplay.rebuild(spec, work, scratch.resolve("a"), 2 * 24));
        assertTrue(shorter.getMessage().contains("not the same history"), shorter.getMessage());
        assertFalse(YearSimulation.paused(work), "nothing written for a replay of another history");

        PausedStateReplay.rebuild(spec, work, scratch.resolve("b"), 3 * 24);
        try (YearSimulation sim = YearSimulation.resume(spec, work)) {
            assertEquals(3 * 24, sim.hoursDone());
            sim.run((hour, time, store) -> {});
            sim.forgetAndPrune();
            assertEquals(List.of(), sim.verifySnapshotCount(), "seed " + seed);
            // hours before the loss restore to the replay's digests, checked against the original repository
            assertEquals(List.of(), sim.verifyKeptSnapshotsRestore(2), "seed " + seed);
            assertEquals(List.of(), sim.verifyDeletedMessagesRestorable().problems(), "seed " + seed);
            assertEquals(7, sim.maintenanceRuns(), "the replay counted the maintenance before the loss");
        }
    }

    @Test
    void theOracleKeepsTheNewestOfEachOfTheNewestPeriods() {
        Instant start = YearSpec.NEW_YEAR;
        List<Instant> hours = new java.util.ArrayList<>();
        for (int h = 0; h < 8760; h++) {
            hours.add(start.plusSeconds(3600L * h));
        }
        var kept = RetentionOracle.kept(hours, Thinning.ISSUE_13);
        // Fri 1 Jan to Fri 31 Dec 2027: 48 hourly; 30 daily (2 on the hourly ones' days); the last week's newest
        // and 11 Sundays, 4 of them among the dailies; 12 month ends, of which December's is the newest and
        // 31 Oct a Sunday already kept. Every rule used its count, so the oldest is not kept.
        assertTrue(kept.contains(Instant.parse("2027-01-31T23:00:00Z")));
        assertTrue(kept.contains(Instant.parse("2027-12-26T23:00:00Z")), "a Sunday");
        assertTrue(!kept.contains(start));
        assertEquals(48 + 28 + 7 + 10, kept.size());
    }
}
