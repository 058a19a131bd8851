package org.mailsnap.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.mailsnap.mailgen.ChurnReport;
import org.mailsnap.mailgen.ChurnSimulator;
import org.mailsnap.mailgen.ChurnSpec;
import org.mailsnap.mailgen.StoreTree;

/**
 * Drives the tools through the steps on one store, in lock step: every tool backs up the same store state before
 * the next simulated hour changes it.
 * <ol>
 *   <li>capture the store and its first mailbox as they are now (the states the restores must reproduce);</li>
 *   <li>create each tool's repository (not timed as a step; a tool whose init fails is skipped from then on);</li>
 *   <li>initial backup; no-change run;</li>
 *   <li>one hour of churn ({@link ChurnSpec#defaults()}, seed + 1), back up;</li>
 *   <li>one hour of renames only (seed + 2), back up;</li>
 *   <li>{@code hours} hourly runs, each after an hour of churn (seed + 2 + hour);</li>
 *   <li>restore the first mailbox from each tool's initial snapshot into an empty directory, timed, and compare
 *       it with the capture of step 1 (names, sizes, SHA-256, file mtimes; directory mtimes are left out);</li>
 *   <li>the same for the whole store (the day a server is lost), each restored copy deleted once compared: a
 *       large store's copies would not fit on the disk beside the store and the repositories.</li>
 * </ol>
 * Before each whole-store restore the runner runs {@code sync} and waits {@code settle}: ext4 without a journal does
 * not reuse an inode freed less than 60 s ago (5 minutes more while its inode-table block is unwritten, which the
 * {@code sync} rules out; {@code RECENTCY_MIN} in the kernel's {@code fs/ext4/ialloc.c} since Linux 5.7), and every
 * new file walks past each such inode of its group; without the wait whichever tool restores after a deletion pays
 * for it (measured in {@code benchmarks/results/2026-12-05-restore} and {@code 2026-12-07-inode-allocation}: most of
 * a whole-store restore's samples in {@code recently_deleted} 40 s after another copy's removal). The wait does not
 * undo what earlier runs did to the file system: on an ext4 that has seen millions of files come and go, every
 * restore is slower than on a new one, by as much as the restore's own work ({@code 2026-12-07-inode-allocation}).
 * After every backup the repository's size is read with {@code du -sb}; its growth is the difference.
 */
final class Scenario {
    private static final StoreTree.Options TREE_OPTIONS =
            StoreTree.Options.exact().ignoringDirectoryMtimes();

    private final List<Tool> tools;
    private final CommandRunner runner;
    private final CommandLog log;
    private final PrintStream progress;
    private final Duration settle;
    private final List<StepResult> results = new ArrayList<>();
    private final List<String> churn = new ArrayList<>();
    private final Map<String, String> unusable = new LinkedHashMap<>();
    private final Map<String, String> initialSnapshots = new LinkedHashMap<>();
    private final Map<String, Long> repositoryBytes = new LinkedHashMap<>();

    Scenario(List<Tool> tools, CommandRunner runner, CommandLog log, PrintStream progress, Duration settle) {
        this.tools = List.copyOf(tools);
        this.runner = runner;
        this.log = log;
        this.progress = progress;
        this.settle = settle;
    }

    /** Ext4's 60 s for a freed inode (see the class doc), plus 5 s. */
    static Duration defaultSettle() {
        return Duration.ofSeconds(65);
    }

    List<StepResult> results() {
        return List.copyOf(results);
    }

    /** Tools that could not run at all (launcher or init failed) and why. */
    Map<String, String> unusable() {
        return Map.copyOf(unusable);
    }

    /** One line per simulated hour. */
    List<String> churn() {
        return List.copyOf(churn);
    }

    void run(PreparedStore store, long seed, int hours) throws IOException {
        StoreTree mailboxReference = StoreTree.capture(store.root().resolve(store.firstMailbox()), TREE_OPTIONS);
        StoreTree storeReference = StoreTree.capture(store.root(), TREE_OPTIONS);
        for (Tool tool : tools) {
            initialise(tool);
        }
        backUpAll(store, Step.INITIAL, 0);
        backUpAll(store, Step.NO_CHANGE, 0);
        store.markChurned();
        simulate(store, ChurnSpec.defaults().withSeed(seed + 1), Step.CHURN, 0);
        backUpAll(store, Step.CHURN, 0);
        simulate(store, ChurnSpec.defaults().withSeed(seed + 2).renamesOnly(), Step.RENAMES, 0);
        backUpAll(store, Step.RENAMES, 0);
        for (int hour = 1; hour <= hours; hour++) {
            simulate(store, ChurnSpec.defaults().withSeed(seed + 2 + hour), Step.HOURLY, hour);
            backUpAll(store, Step.HOURLY, hour);
        }
        for (Tool tool : tools) {
            results.add(restore(tool, store, Step.RESTORE, store.firstMailbox(), mailboxReference));
        }
        for (Tool tool : tools) {
            settle(tool);
            results.add(restore(tool, store, Step.RESTORE_STORE, Tool.WHOLE_STORE, storeReference));
        }
    }

    private void initialise(Tool tool) throws IOException {
        Files.createDirectories(tool.home());
        List<String> prepare = tool.prepareCommand();
        if (!prepare.isEmpty()) {
            Measurement m =
                    runner.timed(tool.name() + "-prepare", prepare, tool.environment(), tool.workingDirectory());
            if (!m.succeeded()) {
                unusable.put(tool.name(), "'" + m.command() + "' exited with " + m.exitCode() + ": " + m.stderrTail());
                return;
            }
        }
        Measurement init =
                runner.timed(tool.name() + "-init", tool.initCommand(), tool.environment(), tool.workingDirectory());
        if (!init.succeeded()) {
            unusable.put(tool.name(), "init exited with " + init.exitCode() + ": " + init.stderrTail());
            return;
        }
        repositoryBytes.put(tool.name(), DiskUsage.apparentBytes(runner, tool.repository()));
    }

    private void simulate(PreparedStore store, ChurnSpec spec, Step step, int hour) throws IOException {
        long started = System.nanoTime();
        ChurnReport report = new ChurnSimulator(spec).simulateHour(store.root());
        double seconds = (System.nanoTime() - started) / 1e9;
        String line = String.format(
                Locale.ROOT,
                "%s%s (seed %d, simulated in %.1f s): %s",
                step.label(),
                hour > 0 ? " " + hour : "",
                spec.seed(),
                seconds,
                report);
        churn.add(line);
        log.note("runner: ChurnSimulator " + spec + " on " + store.root());
        progress.println(line);
    }

    private void backUpAll(PreparedStore store, Step step, int hour) throws IOException {
        for (Tool tool : tools) {
            StepResult result = backUp(tool, store, step, hour);
            results.add(result);
            progress.println(describe(result));
        }
    }

    private StepResult backUp(Tool tool, PreparedStore store, Step step, int hour) throws IOException {
        if (unusable.containsKey(tool.name())) {
            return StepResult.skipped(step, hour, tool.name(), "not run: " + unusable.get(tool.name()));
        }
        String label = hour > 0 ? String.format(Locale.ROOT, "%s-%03d", step.label(), hour) : step.label();
        Measurement m = runner.timed(
                tool.name() + "-" + label,
                tool.backupCommand(store.root(), label),
                tool.environment(),
                tool.workingDirectory());
        long before = repositoryBytes.get(tool.name());
        long after = DiskUsage.apparentBytes(runner, tool.repository());
        repositoryBytes.put(tool.name(), after);
        String error = m.succeeded() ? null : "exit " + m.exitCode() + ": " + m.stderrTail();
        Map<String, Object> details = new LinkedHashMap<>();
        try {
            details.putAll(tool.backupDetails(m));
            if (m.succeeded() && step == Step.INITIAL) {
                initialSnapshots.put(tool.name(), tool.snapshotOf(m, label));
            }
        } catch (IOException e) {
            error = error != null ? error : e.getMessage();
        }
        long data = step == Step.INITIAL ? store.summary().bytes() : 0;
        return new StepResult(
                step,
                hour,
                tool.name(),
                m.seconds(),
                m.maxRssKb(),
                m.exitCode(),
                after,
                after - before,
                data,
                error,
                details);
    }

    /** Restores {@code part} ({@link Tool#WHOLE_STORE} or a mailbox) and compares it with {@code reference}. */
    private StepResult restore(Tool tool, PreparedStore store, Step step, String part, StoreTree reference)
            throws IOException {
        String snapshot = initialSnapshots.get(tool.name());
        if (snapshot == null) {
            String why = unusable.getOrDefault(tool.name(), "its initial backup failed");
            return StepResult.skipped(step, 0, tool.name(), "not run: " + why);
        }
        Path target = tool.home().resolve(step.label());
        PreparedStore.deleteTree(target);
        Files.createDirectories(target);
        boolean wholeStore = part.equals(Tool.WHOLE_STORE);
        String what = wholeStore ? "store" : "mailbox";
        Measurement m = runner.timed(
                tool.name() + "-" + step.label(),
                tool.restoreCommand(snapshot, store.root(), part, target),
                tool.environment(),
                tool.restoreWorkingDirectory(target));
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("snapshot", snapshot);
        details.put(what, wholeStore ? store.root().toString() : part);
        if (wholeStore) {
            details.put("settledSeconds", settle.toSeconds());
        }
        String error = m.succeeded() ? null : "exit " + m.exitCode() + ": " + m.stderrTail();
        long bytes = 0;
        if (m.succeeded()) {
            Path restored = tool.restoredPart(target, store.root(), part);
            List<String> differences = Files.isDirectory(restored)
                    ? reference.diff(StoreTree.capture(restored, TREE_OPTIONS))
                    : List.of("nothing restored at " + restored);
            List<StoreTree.Entry> files = reference.entries().values().stream()
                    .filter(e -> e.kind() != StoreTree.Kind.DIRECTORY)
                    .toList();
            details.put("files", files.size());
            details.put("identicalToInitialState", differences.isEmpty());
            details.put("differences", differences.size());
            details.put("firstDifferences", differences.subList(0, Math.min(5, differences.size())));
            bytes = files.stream().mapToLong(StoreTree.Entry::size).sum();
            if (!differences.isEmpty()) {
                error = "the restored " + what + " differs from its state at the initial backup in "
                        + differences.size() + " entries, e.g. " + differences.get(0);
            }
        }
        if (wholeStore) {
            PreparedStore.deleteTree(target);
        }
        StepResult result = new StepResult(
                step, 0, tool.name(), m.seconds(), m.maxRssKb(), m.exitCode(), -1, 0, bytes, error, details);
        progress.println(describe(result));
        return result;
    }

    private void settle(Tool tool) throws IOException {
        if (settle.isZero()) {
            return;
        }
        runner.output(List.of("sync"), Map.of(), tool.home());
        progress.println("[" + tool.name() + "] settling " + settle.toSeconds() + " s before the whole-store restore");
        try {
            Thread.sleep(settle.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while settling before " + tool.name() + "'s whole-store restore", e);
        }
    }

    private static String describe(StepResult r) {
        String step = r.step().label() + (r.hour() > 0 ? " " + r.hour() : "");
        if (!r.succeeded() && Double.isNaN(r.seconds())) {
            return String.format(Locale.ROOT, "[%s] %s: %s", r.tool(), step, r.error());
        }
        return String.format(
                Locale.ROOT,
                "[%s] %s: %.2f s, RSS %s, repository %s (+%s)%s",
                r.tool(),
                step,
                r.seconds(),
                r.rssKb() < 0 ? "n/a" : String.format(Locale.ROOT, "%.0f MB", r.rssKb() * 1024 / 1e6),
                r.repoBytes() < 0 ? "n/a" : String.format(Locale.ROOT, "%.1f MB", r.repoBytes() / 1e6),
                String.format(Locale.ROOT, "%.2f MB", r.growthBytes() / 1e6),
                r.succeeded() ? "" : " FAILED: " + r.error());
    }
}
