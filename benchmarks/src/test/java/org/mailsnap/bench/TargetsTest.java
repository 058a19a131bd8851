package org.mailsnap.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class TargetsTest {
    @Test
    void verdictsAtAndAcrossTheLimit() {
        assertEquals(Verdict.PASS, Verdict.judge(0.25, 0.25, true));
        assertEquals(Verdict.MISS, Verdict.judge(0.2501, 0.25, true));
        assertEquals(Verdict.PASS, Verdict.judge(2.0, 2.0, false));
        assertEquals(Verdict.MISS, Verdict.judge(1.99, 2.0, false));
        assertEquals(Verdict.NA, Verdict.judge(null, 1, true));
        assertEquals(Verdict.NA, Verdict.judge(Double.NaN, 1, true));
        assertEquals(Verdict.NA, Verdict.judge(Double.POSITIVE_INFINITY, 1, true));
    }

    @Test
    void aFastRunPassesEveryRatioTargetWithTheRatiosItMeasured() {
        List<TargetCheck> checks =
                new Targets(Results.typical().list(), "small", 2_500, OptionalLong.empty()).evaluate();
        TargetCheck noChange = find(checks, "no-change");
        assertEquals(0.2, noChange.ratioToRestic(), 1e-9);
        assertEquals(0.16, noChange.ratioToBorg(), 1e-9);
        assertEquals("≤ 0.25×", noChange.limit());
        assertEquals(Verdict.PASS, noChange.verdict());
        assertEquals(Verdict.PASS, noChange.verdictVsBorg());

        TargetCheck throughput = find(checks, "initial backup");
        assertEquals(5.0, throughput.ratioToRestic(), 1e-9, "20 s against 4 s is five times the throughput");
        assertEquals(Verdict.PASS, throughput.verdict());

        TargetCheck size = find(checks, "repository size");
        assertEquals(0.8, size.ratioToRestic(), 1e-9);
        assertEquals(Verdict.PASS, size.verdict());

        TargetCheck renameGrowth = find(checks, "an hour of renames only: ≤ 1/10");
        assertEquals(0.001, renameGrowth.ratioToRestic(), 1e-12);
        assertEquals(Verdict.PASS, renameGrowth.verdict());

        assertEquals(Verdict.PASS, find(checks, "peak memory").verdict());
        assertEquals(0.5, find(checks, "peak memory").ratioToRestic(), 1e-9);
        assertEquals(Verdict.PASS, find(checks, "hourly runs").verdict());
        assertEquals(
                Verdict.PASS,
                find(checks, "point-in-time restore of one mailbox").verdict());
        assertEquals(
                Verdict.PASS,
                find(checks, "point-in-time restore of the whole store").verdict());
        assertEquals(
                0.2, find(checks, "point-in-time restore of the whole store").ratioToRestic(), 1e-9);
        assertEquals(Verdict.NA, find(checks, "memory does not grow").verdict(), "needs a baseline");
    }

    @Test
    void theNoChangeLimitIsTighterOnTheLargeStore() {
        TargetCheck noChange = check(Results.typical().list(), "large", 2_500, OptionalLong.empty(), "no-change");
        assertEquals("≤ 0.1×", noChange.limit());
        assertEquals(Verdict.MISS, noChange.verdict(), "0.2× restic passes 1/4 but misses 1/10");
    }

    @Test
    void theVerdictFollowsResticAndBorgIsJudgedBeside() {
        Results r = new Results()
                .add(Step.INITIAL, "mailsnap", 10, 1000, 900, 900)
                .add(Step.INITIAL, "restic", 10, 1000, 1000, 1000)
                .add(Step.INITIAL, "borg", 10, 1000, 1000 * 9 / 10, 900);
        TargetCheck size = check(r.list(), "small", 10, OptionalLong.empty(), "repository size");
        assertEquals(Verdict.MISS, size.verdict(), "0.9× restic misses 0.85×");
        assertEquals(Verdict.MISS, size.verdictVsBorg());
        Results smaller = new Results()
                .add(Step.INITIAL, "mailsnap", 10, 1000, 800, 800)
                .add(Step.INITIAL, "restic", 10, 1000, 1000, 1000)
                .add(Step.INITIAL, "borg", 10, 1000, 900, 900);
        TargetCheck passes = check(smaller.list(), "small", 10, OptionalLong.empty(), "repository size");
        assertEquals(Verdict.PASS, passes.verdict());
        assertEquals(Verdict.MISS, passes.verdictVsBorg(), "0.89× borg, reported but not the verdict");
    }

    @Test
    void anAbsentOrFailedPeerIsNotAComparison() {
        Results r = new Results()
                .add(Step.NO_CHANGE, "mailsnap", 1, 1000, 900, 0)
                .failed(Step.NO_CHANGE, "restic", "exit 1: repository is locked");
        TargetCheck noChange = check(r.list(), "small", 10, OptionalLong.empty(), "no-change");
        assertNull(noChange.ratioToRestic());
        assertNull(noChange.ratioToBorg());
        assertEquals(Verdict.NA, noChange.verdict());
        assertTrue(noChange.note().contains("not measured: restic, borg"), noChange.note());
    }

    @Test
    void aFailedMailsnapStepIsNotJudged() {
        Results r = new Results()
                .failed(Step.CHURN, "mailsnap", "exit 3: partial")
                .add(Step.CHURN, "restic", 1, 1000, 900, 0);
        TargetCheck churn = check(r.list(), "small", 10, OptionalLong.empty(), "run after one hour");
        assertEquals(Verdict.NA, churn.verdict());
        assertTrue(churn.note().contains("exit 3: partial"), churn.note());
    }

    @Test
    void lockHoldAllowanceGrowsWithTheLargestFolderAndEveryRunMustReportIt() {
        Map<String, Object> hold = Map.of("lockHoldMaxMillis", 80.0);
        List<StepResult> runs =
                new Results().add(Step.INITIAL, 0, "mailsnap", 1, 1, 1, 1, hold).list();
        assertEquals(Verdict.MISS, lock(runs, 9_000).verdict(), "80 ms over the 50 ms of a folder under 10k");
        TargetCheck big = lock(runs, 20_000);
        assertEquals(Verdict.PASS, big.verdict(), "a 20k folder may hold 100 ms");
        assertTrue(big.limit().startsWith("≤ 100 ms"), big.limit());

        List<StepResult> silent = new Results()
                .add(Step.INITIAL, 0, "mailsnap", 1, 1, 1, 1, hold)
                .add(Step.NO_CHANGE, 0, "mailsnap", 1, 1, 1, 0, Map.of())
                .list();
        TargetCheck unreported = lock(silent, 20_000);
        assertEquals(Verdict.MISS, unreported.verdict());
        assertTrue(unreported.note().contains("1 runs did not report it"), unreported.note());
    }

    @Test
    void newMailGrowthIsStoredBytesPlusAFewKilobytes() {
        Map<String, Object> stored = Map.of("storedBytes", 100_000L, "lockHoldMaxMillis", 1.0);
        List<StepResult> tight = new Results()
                .add(Step.CHURN, 0, "mailsnap", 1, 1, 1, 110_000, stored)
                .list();
        assertEquals(
                Verdict.PASS,
                check(tight, "small", 1, OptionalLong.empty(), "with new mail").verdict());
        List<StepResult> loose = new Results()
                .add(Step.CHURN, 0, "mailsnap", 1, 1, 1, 150_000, stored)
                .list();
        TargetCheck miss = check(loose, "small", 1, OptionalLong.empty(), "with new mail");
        assertEquals(Verdict.MISS, miss.verdict());
        assertTrue(miss.note().contains("overhead 50.0 KB"), miss.note());
    }

    @Test
    void memoryGrowthAgainstABaselineRun() {
        List<StepResult> runs = Results.typical().list(); // mailsnap peaks at 100,000 kB
        assertEquals(
                Verdict.PASS,
                check(runs, "large", 1, OptionalLong.of(80_000), "memory does not grow")
                        .verdict());
        assertEquals(
                Verdict.MISS,
                check(runs, "large", 1, OptionalLong.of(60_000), "memory does not grow")
                        .verdict());
    }

    @Test
    void theHourlySeriesIsFoldedToItsMedianAndMeanGrowth() {
        StepSummary hourly =
                StepSummary.of(Results.typical().list()).get(Step.HOURLY).get("restic");
        assertEquals(3, hourly.runs());
        assertEquals(5.0, hourly.seconds(), 1e-9, "median of 4, 5, 6");
        assertEquals(6.0, hourly.maxSeconds(), 1e-9);
        assertEquals(60_000, hourly.growthBytes(), 1e-9);
        assertEquals(1_000_180_000L, hourly.repoBytes(), "after the last hour");
        assertEquals(2.5, StepSummary.median(new double[] {1, 2, 3, 4}), 1e-9);
    }

    private static TargetCheck lock(List<StepResult> runs, long largestFolder) {
        return find(new Targets(runs, "small", largestFolder, OptionalLong.empty()).evaluate(), "lock hold");
    }

    private static TargetCheck check(
            List<StepResult> runs, String preset, long largestFolder, OptionalLong baseline, String prefix) {
        return find(new Targets(runs, preset, largestFolder, baseline).evaluate(), prefix);
    }

    /** The one check whose target text starts with {@code prefix}. */
    private static TargetCheck find(List<TargetCheck> checks, String prefix) {
        List<TargetCheck> found =
                checks.stream().filter(c -> c.target().startsWith(prefix)).toList();
        assertEquals(1, found.size(), "targets starting with '" + prefix + "': " + found);
        return found.get(0);
    }
}
