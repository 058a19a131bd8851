package org.mailsnap.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mailsnap.backup.Trees;
import org.mailsnap.mailgen.ChurnSimulator;
import org.mailsnap.mailgen.ChurnSpec;
import org.mailsnap.mailgen.StoreGenerator;
import org.mailsnap.mailgen.StoreSpec;
import org.mailsnap.mailgen.StoreTree;

/**
 * Crash safety proven by killing a real process: the CLI runs as a child JVM, stops at a chosen write of the
 * repository ({@code MAILSNAP_CRASH_AT}, counted by the storage, not by time), and gets {@code SIGKILL} there. After
 * every kill: {@code check --read-data} finds no damage; every snapshot that existed before restores exactly; a
 * snapshot the killed run left is complete and restores exactly; the next run succeeds, its snapshot restores
 * exactly, and {@code check --read-data} is still clean. Kill points: before and after every
 * write of an initial backup and of an hourly backup after churn (small packs and frequent checkpoints give many
 * writes).
 */
class KillHarnessTest {
    private static final Pattern REACHED = Pattern.compile("mailsnap: crash point (\\d+\\+?) reached: (.*)");
    private static final Pattern COUNTED = Pattern.compile("mailsnap: crash points: (\\d+) writes");

    @TempDir
    Path tmp;

    private Path store;
    private long seed;

    @Test
    void killedAtEveryWriteOfAnInitialAndAnHourlyBackupLosesNothing() throws Exception {
        seed = System.nanoTime();
        System.out.println("KillHarnessTest seed " + seed);
        store = tmp.resolve("store");
        new StoreGenerator(StoreSpec.tiny().toBuilder().seed(seed).mailboxes(4).messagesPerMailbox(5)
                .attachmentMaxBytes(24 << 10).build(), 1).generate(store);
        Path empty = Files.createDirectories(tmp.resolve("state-empty"));
        CliRun init = inProcess(empty, "init");
        assertEquals(0, init.code(), init.err());

        StoreTree initialMoment = Trees.capture(store);
        int initialPoints = killEverywhere("initial", empty, Map.of(), initialMoment);

        Path afterFirst = copy(empty, tmp.resolve("state-first"));
        Child first = child(afterFirst, null);
        assertEquals(0, first.code, first.err);
        Map<String, StoreTree> before = Map.of(onlySnapshot(afterFirst), initialMoment);

        // a busy hour for a small store: every kind of change, and deliveries that the run must store
        ChurnSpec busy = ChurnSpec.defaults().toBuilder().seed(seed).flagChangeShare(0.3).keywordChangeShare(0.1)
                .pickupShare(0.3).moveShare(0.15).copyShare(0.1).expungeShare(0.1).deliveryShare(0.3).build();
        System.out.println("hour: " + new ChurnSimulator(busy).simulateHour(store));
        BackupSettle.age(store);
        int hourlyPoints = killEverywhere("hourly", afterFirst, before, Trees.capture(store));
        assertTrue(initialPoints + hourlyPoints >= 50, initialPoints + " + " + hourlyPoints + " kill points");
    }

    /**
     * Kills a backup of the store from {@code baseline} before and after each of its writes.
     *
     * @param earlier the snapshots in the baseline with the store moment each must restore to
     * @return how many kill points were exercised
     */
    private int killEverywhere(String label, Path baseline, Map<String, StoreTree> earlier, StoreTree now)
            throws Exception {
        Child counting = child(copy(baseline, tmp.resolve(label + "-count")), "count");
        assertEquals(0, counting.code, counting.err);
        Matcher counted = COUNTED.matcher(counting.err);
        assertTrue(counted.find(), counting.err);
        int writes = Integer.parseInt(counted.group(1));
        int points = 0;
        for (int write = 1; write <= writes; write++) {
            for (String point : List.of(Integer.toString(write), write + "+")) {
                Path state = copy(baseline, tmp.resolve(label + "-" + point));
                Killed killed = killAt(state, point);
                verifyAfterKill(label + " killed at " + point + " (" + killed.write + ")", state, earlier, now);
                deleteTree(state);
                points++;
            }
        }
        System.out.println(label + ": " + writes + " writes, " + points + " kill points");
        return points;
    }

    private void verifyAfterKill(String what, Path state, Map<String, StoreTree> earlier, StoreTree now)
            throws Exception {
        assertChecksClean(what, state);
        TreeSet<String> ids = snapshotIds(state);
        assertTrue(ids.containsAll(earlier.keySet()), what + ": an earlier snapshot is gone: " + ids);
        for (Map.Entry<String, StoreTree> e : earlier.entrySet()) {
            assertRestores(what, state, e.getKey(), e.getValue());
        }
        for (String left : ids) {
            if (!earlier.containsKey(left)) {
                assertRestores(what + ", the killed run's own snapshot", state, left, now);
            }
        }
        Child next = child(state, null);
        assertEquals(0, next.code, what + ": the next run fails: " + next.err);
        TreeSet<String> after = snapshotIds(state);
        after.removeAll(ids);
        assertEquals(1, after.size(), what + ": the next run's snapshot");
        assertRestores(what + ", the next run", state, after.first(), now);
        assertChecksClean(what + ", after the next run", state);
    }

    /** {@code check --read-data}: no damage (what a kill leaves, such as unindexed packs, is listed as leftovers). */
    private void assertChecksClean(String what, Path state) {
        CliRun check = inProcess(state, "check", "--read-data");
        assertEquals(0, check.code(), what + ": check --read-data found damage:\n" + check.out() + check.err());
    }

    private void assertRestores(String what, Path state, String snapshotId, StoreTree expected) throws IOException {
        Path target = tmp.resolve("restore-" + System.nanoTime());
        CliRun restore = inProcess(state, "restore", "--snapshot", snapshotId, "--target", target.toString());
        assertEquals(0, restore.code(), what + ": restore of " + snapshotId + ": " + restore.err());
        assertEquals(List.of(), Trees.diff(expected, Trees.capture(target), p -> false),
                what + ": snapshot " + snapshotId + " does not restore the store as it was (seed " + seed + ")");
        deleteTree(target);
    }

    private record Killed(String write) {}

    /** Starts a backup that stops at {@code point}, waits for its report on stderr, and kills it with SIGKILL. */
    private Killed killAt(Path state, String point) throws Exception {
        Process p = start(state, point);
        String reached = null;
        StringBuilder err = new StringBuilder();
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(p.getErrorStream(),
                StandardCharsets.UTF_8)); Reaper reaper = new Reaper(p)) {
            String line;
            while ((line = lines.readLine()) != null) {
                err.append(line).append('\n');
                Matcher m = REACHED.matcher(line);
                if (m.matches()) {
                    assertEquals(point, m.group(1));
                    reached = m.group(2);
                    break;
                }
            }
            if (reached == null) {
                fail("the run ended (exit " + p.waitFor() + ") before crash point " + point + ": " + err);
            }
            p.destroyForcibly(); // SIGKILL on Linux
            assertEquals(137, p.waitFor(), "killed by SIGKILL");
        }
        return new Killed(reached);
    }

    /** Kills the child whatever happens in the test, so a failed assertion never leaves it waiting at its point. */
    private record Reaper(Process process) implements AutoCloseable {
        @Override
        public void close() {
            process.destroyForcibly();
        }
    }

    private record Child(int code, String err) {}

    private Child child(Path state, String crashAt) throws Exception {
        Process p = start(state, crashAt);
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        return new Child(p.waitFor(), err);
    }

    private Process start(Path state, String crashAt) throws IOException {
        List<String> command = ChildJvm.mailsnap(List.of("-XX:TieredStopAtLevel=1", "-Xshare:auto"), "backup",
                store.toString(), "--lock", "none", "--checkpoint", "1", "--threads", "1");
        ProcessBuilder pb = new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        pb.environment().putAll(environment(state));
        if (crashAt != null) {
            pb.environment().put("MAILSNAP_CRASH_AT", crashAt);
        }
        return pb.start();
    }

    private CliRun inProcess(Path state, String... args) {
        return CliRun.of(environment(state), args);
    }

    private static Map<String, String> environment(Path state) {
        Map<String, String> env = new HashMap<>();
        env.put("MAILSNAP_REPOSITORY", state.resolve("repo").toString());
        env.put("MAILSNAP_PASSWORD", "kill me softly");
        env.put("MAILSNAP_CATALOG", state.resolve("catalog").toString());
        env.put("PATH", System.getenv().getOrDefault("PATH", "/usr/bin:/bin"));
        return env;
    }

    private String onlySnapshot(Path state) throws IOException {
        TreeSet<String> ids = snapshotIds(state);
        assertEquals(1, ids.size(), ids.toString());
        return ids.first();
    }

    private static TreeSet<String> snapshotIds(Path state) throws IOException {
        TreeSet<String> ids = new TreeSet<>();
        Path dir = state.resolve("repo").resolve("snapshots");
        if (Files.isDirectory(dir)) {
            try (Stream<Path> s = Files.list(dir)) {
                s.map(p -> p.getFileName().toString()).filter(n -> !n.startsWith(".")).forEach(ids::add);
            }
        }
        return ids;
    }

    private static Path copy(Path from, Path to) throws IOException {
        try (Stream<Path> s = Files.walk(from)) {
            for (Path p : (Iterable<Path>) s::iterator) {
                Path dest = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(dest);
                } else {
                    Files.copy(p, dest, java.nio.file.StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
        return to;
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> s = Files.walk(root)) {
            for (Path p : (Iterable<Path>) s.sorted(Comparator.reverseOrder())::iterator) {
                Files.delete(p);
            }
        }
    }

    /** Directory mtimes an hour old, so the next run's listing sees what changed and not the same-second race. */
    private static final class BackupSettle {
        static void age(Path root) throws IOException {
            java.nio.file.attribute.FileTime hourAgo = java.nio.file.attribute.FileTime.from(
                    java.time.Instant.now().minusSeconds(3600));
            try (Stream<Path> dirs = Files.walk(root)) {
                for (Path d : (Iterable<Path>) dirs.filter(Files::isDirectory)::iterator) {
                    Files.setLastModifiedTime(d, hourAgo);
                }
            }
        }
    }
}
