package org.mailsnap.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.mailsnap.mailgen.GeneratedStore;

class MarkdownReportTest {
    private static final Path STORE = Path.of("/tmp/work/store");

    @Test
    void everyStepHasItsTableWithRatiosToEachPeer() {
        String md = MarkdownReport.render(results(Results.typical().list(), Map.of()));
        assertTrue(md.startsWith("# mailsnap vs restic vs borg: small store, 2026-01-02\n"), md);
        assertTrue(
                md.contains("### Initial backup\n\n"
                        + "| tool | seconds | MB/s | peak RSS MB | repository MB | growth MB | note |\n"
                        + "|---|---|---|---|---|---|---|\n"
                        + "| mailsnap | 4.00 | 250 | 102 | 800 | 800 |  |\n"
                        + "| restic | 20.0 | 50.0 | 205 | 1000 | 1000 |  |\n"
                        + "| borg | 25.0 | 40.0 | 205 | 1000 | 1000 |  |\n"
                        + "| mailsnap / restic | 0.2× | 5.00× | 0.5× | 0.8× | 0.8× |  |\n"
                        + "| mailsnap / borg | 0.16× | 6.25× | 0.5× | 0.8× | 0.8× |  |\n"),
                md);
        assertTrue(md.contains("### Hourly runs with churn (3 hours)\n"), md);
        assertTrue(md.contains("| restic | 3 | 5.00 | 6.00 | 205 | 0.06 | 1000 |  |\n"), md);
        assertTrue(
                md.contains("### Point-in-time restore of one mailbox (as of the initial backup)\n\n"
                        + "| tool | seconds | MB/s | peak RSS MB | note |\n"),
                md);
        assertTrue(md.contains("| mailsnap / restic | 0.2× | 5.00× | 0.5× |  |\n"), md);
    }

    @Test
    void theTargetsTableStatesEachTargetWithItsVerdict() {
        String md = MarkdownReport.render(results(Results.typical().list(), Map.of()));
        assertTrue(
                md.contains("| target | limit | mailsnap / restic | mailsnap / borg | verdict | note | "
                        + "same limit vs borg |\n"),
                md);
        assertTrue(
                md.contains("| repository size after the initial run: ≤ 0.85× restic's | ≤ 0.85× | 0.8× | 0.8× "
                        + "| **PASS** | size ratio | PASS |\n"),
                md);
        assertTrue(md.contains("| **n/a** | needs --rss-baseline"), md);
        long targetRows = md.lines().filter(l -> l.contains("| **")).count();
        assertEquals(13, targetRows, md);
    }

    @Test
    void failuresAndAbsentToolsAreShownNotHidden() {
        List<StepResult> steps = new ArrayList<>(
                new Results().add(Step.INITIAL, "mailsnap", 4, 1000, 10, 10).list());
        steps.add(StepResult.skipped(Step.INITIAL, 0, "restic", "not run: init exited with 1: locked"));
        String md = MarkdownReport.render(results(
                steps, Map.of("borg", "borg is not installed and installing was " + "switched off (--no-install)")));
        assertTrue(md.contains("| restic | — | — | — | — | — | FAILED: not run: init exited with 1: locked |"), md);
        assertTrue(md.contains("| mailsnap / restic | — | — | — | — | — |  |"), md);
        assertTrue(md.contains("- **borg not measured:** borg is not installed and installing was switched off"), md);
    }

    @Test
    void numbersKeepThreeSignificantDigitsBelowOne() {
        assertEquals("0.00412", Targets.format(0.0041234));
        assertEquals("0", Targets.format(0));
        assertEquals("2.50", Targets.format(2.5));
        assertEquals("12.3", Targets.format(12.34));
        assertEquals("1235", Targets.format(1234.6));
        assertEquals("n/a", Targets.format(Double.NaN));
    }

    private static ScenarioResults results(List<StepResult> steps, Map<String, String> absent) {
        RunnerOptions options = RunnerOptions.parse("--preset", "small", "--work", "/tmp/work", "--hours", "3");
        PreparedStore store = new PreparedStore(
                STORE,
                new GeneratedStore(STORE, 20, 160, 50_000, 1_000_000_000L, 50_400),
                120,
                "example.de/anna",
                2_500);
        List<TargetCheck> targets = new Targets(steps, "small", 2_500, OptionalLong.empty()).evaluate();
        return new ScenarioResults(
                Instant.parse("2026-01-02T03:04:05Z"),
                options,
                "ScenarioRunner --preset small",
                new Machine(2, 24L << 30, "Test CPU", "6.1.0", "0.10 0.20 0.30"),
                Map.of("restic", "restic 0.14.0"),
                absent,
                store,
                List.of("churn-hour (seed 2): 1 flag change"),
                steps,
                targets,
                true);
    }
}
