package org.mailsnap.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.mailsnap.bench.year.RepositorySize;
import org.mailsnap.bench.year.YearSimulation;
import org.mailsnap.bench.year.YearSpec;

/**
 * Issue 13's year, measured: {@link YearSimulation} runs {@code --hours} hourly backups of {@link YearSpec#year}
 * (daily forget, Monday prune, in-process); with {@code --restic}, restic backs up the same store after each of
 * them ({@code backup --time}) and follows the same maintenance ({@code forget} daily, {@code prune} on Mondays).
 * The maintenance due after the last hour is the measured step: {@code mailsnap forget … --prune} and
 * {@code restic forget … --prune} as processes under {@code /usr/bin/time -v}, one after the other, each with the
 * load average next to it. Then snapshot counts and repository sizes, and mailsnap's checks (oracle count, every
 * kept snapshot restored exactly, size bound). Writes {@code figures.md} and {@code commands.txt} into
 * {@code --out}. Usage:
 * <pre>
 * YearBenchmark --mailsnap bin/mailsnap --work DIR --out DIR [--hours 8760] [--seed 1] [--restic /usr/bin/restic]
 *              [--stop-at 2026-12-05T01:40:00Z] [--pause-at 2026-12-06T16:30:00Z]
 * </pre>
 * {@code --stop-at} ends the simulation at the first midnight after that wall-clock time, so that on a busy
 * machine a run still measures the largest whole-day prefix of the history that fitted (the figures say how many
 * hours). {@code --pause-at} (or a file {@code WORK/pause}, removed when obeyed) instead saves the simulation at the
 * first midnight after that time ({@link YearSimulation#pause}) and exits without measuring; the same command
 * started again resumes it, so a year longer than one sitting still runs as one history.
 */
public final class YearBenchmark {
    private static final DateTimeFormatter RESTIC_TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);

    private final CommandLog log = new CommandLog();
    private final CommandRunner runner;
    private final YearSimulation sim;
    private final Optional<Restic> restic;
    private final Path launcher;
    private final List<String> lines = new ArrayList<>();
    private final Path work;
    private double resticSeconds;
    /** Wall-clock seconds of the simulation before this process resumed it. */
    private double earlierSeconds;
    /** What the paused run logged of its commands ({@code commands.txt}), continued by this one. */
    private String earlierCommands = "";

    private YearBenchmark(Path work, YearSimulation sim, Optional<Restic> restic, Path launcher) {
        this.work = work;
        this.runner = new CommandRunner(work.resolve("logs"), log, Optional.of(Path.of("/usr/bin/time")));
        this.sim = sim;
        this.restic = restic;
        this.launcher = launcher;
    }

    public static void main(String[] args) throws IOException {
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            if (!args[i].startsWith("--")) {
                throw new IllegalArgumentException("expected --option value pairs, not " + args[i]);
            }
            options.put(args[i].substring(2), args[i + 1]);
        }
        Path work = Path.of(required(options, "work")).toAbsolutePath();
        Path out = Path.of(required(options, "out")).toAbsolutePath();
        long seed = Long.parseLong(options.getOrDefault("seed", "1"));
        int hours = Integer.parseInt(options.getOrDefault("hours", "8760"));
        Path launcher = Path.of(required(options, "mailsnap")).toAbsolutePath();
        Files.createDirectories(out);
        Files.createDirectories(work.resolve("logs"));
        YearSpec spec = YearSpec.year(seed).withHours(hours);
        Optional<Restic> restic =
                Optional.ofNullable(options.get("restic")).map(r -> new Restic(Path.of(r), work.resolve("restic")));
        // every option is read before the simulation is touched: a mistyped one must not cost a paused year
        Instant stopAt = Instant.parse(options.getOrDefault("stop-at", "9999-12-31T00:00:00Z"));
        Instant pauseAt = Instant.parse(options.getOrDefault("pause-at", "9999-12-31T00:00:00Z"));
        Path simulation = work.resolve("mailsnap");
        boolean resuming = YearSimulation.paused(simulation);
        try (YearSimulation sim =
                resuming ? YearSimulation.resume(spec, simulation) : YearSimulation.create(spec, simulation)) {
            YearBenchmark benchmark = new YearBenchmark(work, sim, restic, launcher);
            if (resuming) {
                benchmark.readPausedFigures(out);
            }
            benchmark.run(seed, out, stopAt, pauseAt);
        }
    }

    private static String required(Map<String, String> options, String name) {
        String value = options.get(name);
        if (value == null) {
            throw new IllegalArgumentException("--" + name + " is required");
        }
        return value;
    }

    private void run(long seed, Path out, Instant stopAt, Instant pauseAt) throws IOException {
        YearSpec spec = sim.spec();
        if (sim.hoursDone() > 0) {
            say(
                    "resumed after hour %d (%.0f s simulated before, restic's commands %.0f s of them)",
                    sim.hoursDone(), earlierSeconds, resticSeconds);
        } else {
            say(
                    "# year simulation, seed %d: %d hourly backups from %s, store %s, churn %s, policy %s",
                    seed,
                    spec.hours(),
                    spec.start(),
                    spec.store(),
                    spec.churnPerHour(),
                    spec.thinning().mailsnapArguments());
        }
        say("machine: %s", Machine.current());
        if (restic.isPresent()) {
            Files.createDirectories(restic.get().home());
            say("restic: %s", restic.get().version(runner));
            if (sim.hoursDone() == 0) {
                untimed(restic.get().initCommand());
            }
            log.note("after each simulated backup: restic backup --repo REPO --time 'YYYY-MM-DD HH:MM:SS' --host "
                    + YearSimulation.HOST + " STORE; at each midnight: restic forget --repo REPO "
                    + String.join(" ", spec.thinning().keepArguments()) + ", and on Mondays restic prune (TZ=UTC)");
        }
        log.note("in-process: " + spec.hours() + " hourly backups; at each midnight mailsnap "
                + String.join(" ", sim.forgetArguments(false)) + " (with --prune on Mondays), environment "
                + sim.cliEnvironment());
        long began = System.nanoTime() - (long) (earlierSeconds * 1e9);
        YearSimulation.Observer observer = new YearSimulation.Observer() {
            @Override
            public void afterBackup(int hour, Instant time, Path store) throws IOException {
                if (restic.isPresent()) {
                    untimed(resticCommand(
                            "backup",
                            "--time",
                            RESTIC_TIME.format(time),
                            "--host",
                            YearSimulation.HOST,
                            store.toString()));
                }
                if (hour % 168 == 167) {
                    System.err.printf(
                            Locale.ROOT,
                            "year: hour %d (%s), %.0f s, load %s%n",
                            hour + 1,
                            time,
                            (System.nanoTime() - began) / 1e9,
                            load());
                }
            }

            @Override
            public void afterMaintenance(int hour, Instant time, boolean pruned) throws IOException {
                if (restic.isPresent()) {
                    untimed(resticCommand("forget", spec.thinning().keepArguments()));
                    if (pruned) {
                        untimed(resticCommand("prune"));
                    }
                }
            }
        };
        Path pauseFile = work.resolve("pause");
        while (sim.hoursDone() < spec.hours() && Instant.now().isBefore(stopAt)) {
            if (Instant.now().isAfter(pauseAt) || Files.deleteIfExists(pauseFile)) {
                earlierSeconds = (System.nanoTime() - began) / 1e9;
                say(
                        "paused after hour %d (%.0f s so far): the same command resumes the simulation",
                        sim.hoursDone(), earlierSeconds);
                writePausedFigures(out);
                sim.pause();
                return;
            }
            sim.advance(24, observer);
        }
        say(
                "simulated %d hours in %.0f s (in-process mailsnap parts: %s; restic commands: %.0f s), %d daily"
                        + " maintenance runs, %d with prune",
                sim.hoursDone(),
                (System.nanoTime() - began) / 1e9,
                sim.secondsByPart(),
                resticSeconds,
                sim.maintenanceRuns(),
                sim.prunes());

        say(
                "%n## the maintenance due after the last hour (%d), measured (forget with the policy, then prune)%n",
                sim.hoursDone());
        runner.output(
                List.of(launcher.toString(), "--help"),
                Map.of(),
                sim.repositoryDirectory().getParent());
        say("| tool | wall s | peak RSS MB | exit | load before | snapshots after | repository after |");
        say("|---|---|---|---|---|---|---|");
        List<String> mailsnapForget = new ArrayList<>(List.of(launcher.toString()));
        mailsnapForget.addAll(sim.forgetArguments(true));
        measure(
                "mailsnap",
                mailsnapForget,
                sim.cliEnvironment(),
                sim.repositoryDirectory(),
                () -> sim.snapshotTimes().size());
        if (restic.isPresent()) {
            List<String> keep = new ArrayList<>(spec.thinning().keepArguments());
            keep.add("--prune");
            measure(
                    "restic",
                    resticCommand("forget", keep),
                    resticEnvironment(),
                    restic.get().repository(),
                    this::resticSnapshots);
        }

        say("%n## mailsnap's checks%n");
        List<String> count = sim.verifySnapshotCount();
        say(
                "- kept snapshots: %d; the oracle expects %d; differences: %s",
                sim.snapshotTimes().size(), sim.expectedSnapshotTimes().size(), count.isEmpty() ? "none" : count);
        long t0 = System.nanoTime();
        List<String> restores = sim.verifyKeptSnapshotsRestore(2);
        say(
                "- every kept snapshot restored and compared with the store's digest at its hour: %s (%.0f s)",
                restores.isEmpty() ? "all exact" : restores, (System.nanoTime() - t0) / 1e9);
        RepositorySize size = sim.repositorySize(0.05);
        say(
                "- repository %d bytes, bound [%d, %d]: %s; %s",
                size.bytes(),
                size.lowerBound(),
                size.upperBound(),
                size.problem().orElse("within"),
                size);
        say(
                "- deleted messages restorable: %s",
                sim.checksDeletedMessages()
                        ? sim.verifyDeletedMessagesRestorable()
                        : "not checked: the policy has no --keep-deleted-within");
        say(
                "- deleted messages found: %s",
                sim.checksDeletedMessages()
                        ? sim.verifyFindDeletedSince()
                        : "not checked: the policy has no --keep-deleted-within");
        writeReport(out);
    }

    private void writeReport(Path out) throws IOException {
        Files.writeString(out.resolve("figures.md"), String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
        Files.writeString(out.resolve("commands.txt"), earlierCommands + log.text(), StandardCharsets.UTF_8);
    }

    /**
     * The benchmark's own figures of a paused run, beside the simulation's state (written just before it): its
     * seconds, and the report and command log so far, which the resumed run continues.
     */
    private void writePausedFigures(Path out) throws IOException {
        writeReport(out);
        Files.writeString(
                work.resolve("paused-figures"),
                String.format(Locale.ROOT, "%s %s%n", Double.toString(earlierSeconds), Double.toString(resticSeconds)));
    }

    private void readPausedFigures(Path out) throws IOException {
        String[] figures =
                Files.readString(work.resolve("paused-figures")).trim().split(" ");
        earlierSeconds = Double.parseDouble(figures[0]);
        resticSeconds = Double.parseDouble(figures[1]);
        lines.addAll(Files.readAllLines(out.resolve("figures.md"), StandardCharsets.UTF_8));
        earlierCommands = Files.readString(out.resolve("commands.txt"), StandardCharsets.UTF_8);
    }

    private interface Count {
        int get() throws IOException;
    }

    private void measure(String tool, List<String> command, Map<String, String> env, Path repository, Count snapshots)
            throws IOException {
        String load = load();
        Measurement m = runner.timed(tool + " forget --prune", command, env, repository.getParent());
        if (!m.succeeded()) {
            throw new IOException(m.command() + " exited with " + m.exitCode() + ": " + m.stderrTail());
        }
        say(
                "| %s | %.2f | %.1f | %d | %s | %d | %.1f MB |",
                tool,
                m.seconds(),
                m.rssMb(),
                m.exitCode(),
                load,
                snapshots.get(),
                DiskUsage.apparentBytes(runner, repository) / 1e6);
    }

    private int resticSnapshots() throws IOException {
        String json = runner.output(
                resticCommand("snapshots", "--json"),
                resticEnvironment(),
                restic.get().home());
        return json.split("\"short_id\"", -1).length - 1;
    }

    private List<String> resticCommand(String command, String... words) {
        return resticCommand(command, List.of(words));
    }

    private List<String> resticCommand(String command, List<String> words) {
        return restic.get().command(command, words);
    }

    private void untimed(List<String> command) throws IOException {
        long t0 = System.nanoTime();
        runner.output(command, resticEnvironment(), restic.get().home());
        resticSeconds += (System.nanoTime() - t0) / 1e9;
    }

    /** restic's own, and UTC: its buckets follow the local time zone, the simulation's are UTC. */
    private Map<String, String> resticEnvironment() {
        Map<String, String> env = new LinkedHashMap<>(restic.get().environment());
        env.put("TZ", "UTC");
        return env;
    }

    private static String load() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return parts[0] + " " + parts[1] + " " + parts[2];
        } catch (IOException e) {
            return "unknown";
        }
    }

    private void say(String format, Object... args) {
        String line = String.format(Locale.ROOT, format, args);
        lines.add(line);
        System.out.println(line);
    }
}
