package org.mailsnap.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mailsnap.cli.Json;

/**
 * The whole runner on a tiny store for restic and borg (mailsnap excluded), never installing anything: where a
 * peer is installed its rows must be in every table and its restore must reproduce the mailbox; where it is not,
 * the run must still succeed and say it was absent. Timings are not judged here.
 */
class ScenarioRunnerSmokeTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-04T05:06:07Z"), ZoneOffset.UTC);

    @TempDir
    Path temp;

    @Test
    void runsResticAndBorgOnATinyStoreOrReportsThemAbsent() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        String path = System.getenv("PATH");
        int exit = new ScenarioRunner(
                        new PrintStream(out, true, StandardCharsets.UTF_8),
                        new PrintStream(err, true, StandardCharsets.UTF_8),
                        temp,
                        path,
                        CLOCK)
                .run(
                        "--preset",
                        "tiny",
                        "--tools",
                        "restic,borg",
                        "--no-install",
                        "--settle",
                        "0",
                        "--hours",
                        "1",
                        "--work",
                        temp.resolve("work").toString(),
                        "--results",
                        temp.resolve("results").toString());
        String log = err.toString(StandardCharsets.UTF_8);
        assertEquals(0, exit, log);

        Path results = temp.resolve("results/2026-03-04-tiny");
        String readme = Files.readString(results.resolve("README.md"));
        assertEquals(readme, out.toString(StandardCharsets.UTF_8), "the table is printed as written");
        Map<?, ?> raw = (Map<?, ?>) Json.parse(Files.readString(results.resolve("raw.json")));
        List<?> steps = (List<?>) raw.get("steps");
        String commands = Files.readString(results.resolve("commands.txt"));
        assertTrue(readme.contains("- **mailsnap not measured:** excluded by --tools"), readme);

        Installer installer = new Installer(path, false, null, temp);
        for (String tool : List.of("restic", "borg")) {
            List<String> rows =
                    readme.lines().filter(l -> l.startsWith("| " + tool + " |")).toList();
            List<?> toolSteps = steps.stream()
                    .filter(s -> tool.equals(((Map<?, ?>) s).get("tool")))
                    .toList();
            if (installer.onPath(tool).isPresent()) {
                assertEquals(Step.values().length, rows.size(), "one row per step table for " + tool + ":\n" + readme);
                assertTrue(rows.stream().noneMatch(r -> r.contains("FAILED")), rows.toString());
                assertEquals(7, toolSteps.size(), "initial, no-change, churn, renames, 1 hour, restore, restore-store");
                for (int i : new int[] {5, 6}) {
                    Map<?, ?> restore = (Map<?, ?>) toolSteps.get(i);
                    assertEquals(i == 5 ? "restore" : "restore-store", restore.get("step"));
                    Map<?, ?> details = (Map<?, ?>) restore.get("details");
                    assertEquals(true, details.get("identicalToInitialState"), details.toString());
                }
                assertTrue(((Number) ((Map<?, ?>) toolSteps.get(0)).get("repositoryBytes")).longValue() > 0);
                assertTrue(
                        commands.contains(tool.equals("borg") ? "create --compression zstd,3" : "restic backup --repo"),
                        commands);
            } else {
                assertTrue(readme.contains("- **" + tool + " not measured:** " + tool + " is not installed"), readme);
                assertTrue(rows.isEmpty(), rows.toString());
                assertTrue(toolSteps.isEmpty(), toolSteps.toString());
            }
        }
    }

    /**
     * The branch CI takes when the peers are not installed, exercised here with a PATH that lacks them (and lacks
     * {@code time}, so peak RSS is reported as not measured).
     */
    @Test
    void peersMissingFromThePathAreReportedAbsentAndTheRunStillCompletes() throws IOException {
        Path bin = Files.createDirectories(temp.resolve("bin"));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = new ScenarioRunner(
                        new PrintStream(out, true, StandardCharsets.UTF_8),
                        new PrintStream(err, true, StandardCharsets.UTF_8),
                        temp,
                        bin.toString(),
                        CLOCK)
                .run(
                        "--preset",
                        "tiny",
                        "--tools",
                        "restic,borg",
                        "--no-install",
                        "--settle",
                        "0",
                        "--hours",
                        "0",
                        "--work",
                        temp.resolve("work").toString(),
                        "--results",
                        temp.resolve("results").toString());
        assertEquals(0, exit, err.toString(StandardCharsets.UTF_8));
        String readme = out.toString(StandardCharsets.UTF_8);
        assertTrue(
                readme.contains("- **restic not measured:** restic is not installed and installing was switched "
                        + "off (--no-install)"),
                readme);
        assertTrue(readme.contains("- **borg not measured:** borg is not installed"), readme);
        assertTrue(readme.contains("- **Peak RSS not measured:** `/usr/bin/time` is missing"), readme);
        assertFalse(readme.contains("### Initial backup"), "no table without a tool:\n" + readme);
        assertTrue(readme.contains("| no-change hourly run"), "the targets are still listed, as n/a");
    }
}
