package org.mailsnap.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.stream.Stream;

/**
 * Runs the scenario of issue 6 for mailsnap, restic and borg on one generated store and writes
 * {@code <results>/<yyyy-mm-dd>-<preset>/README.md}, {@code raw.json} and {@code commands.txt}; the Markdown also
 * goes to stdout, progress to stderr. See {@link RunnerOptions#USAGE} for the arguments and {@link Scenario} for the
 * steps. Exit codes: 0 every measured tool completed every step, 1 the runner itself failed (I/O), 2 wrong usage,
 * 3 a step of some tool failed (the figures are written anyway). A tool that is not installed and cannot be
 * installed is reported absent and does not change the exit code.
 */
public final class ScenarioRunner {
    static final int OK = 0;
    static final int FAILED = 1;
    static final int USAGE = 2;
    static final int STEP_FAILED = 3;
    private static final String WORK_MARKER = ".mailsnap-bench";

    private final PrintStream out;
    private final PrintStream err;
    private final Path workingDirectory;
    private final String path;
    private final Clock clock;

    ScenarioRunner(PrintStream out, PrintStream err, Path workingDirectory, String path, Clock clock) {
        this.out = out;
        this.err = err;
        this.workingDirectory = workingDirectory.toAbsolutePath().normalize();
        this.path = path;
        this.clock = clock;
    }

    public static void main(String[] args) {
        System.exit(new ScenarioRunner(System.out, System.err, Path.of(""), System.getenv("PATH"), Clock.systemUTC())
                .run(args));
    }

    /** Runs with {@code args} and returns the exit code; never calls {@code System.exit}. */
    int run(String... args) {
        if (args.length == 1 && (args[0].equals("--help") || args[0].equals("-h"))) {
            out.println(RunnerOptions.USAGE);
            return OK;
        }
        RunnerOptions options;
        try {
            options = RunnerOptions.parse(args);
        } catch (IllegalArgumentException e) {
            err.println("scenario-runner: " + e.getMessage());
            err.println(RunnerOptions.USAGE);
            return USAGE;
        }
        try {
            return execute(options, "ScenarioRunner " + String.join(" ", args));
        } catch (IOException e) {
            err.println("scenario-runner: " + e.getMessage());
            return FAILED;
        }
    }

    private int execute(RunnerOptions options, String commandLine) throws IOException {
        Instant started = clock.instant();
        Machine machine = Machine.current();
        Path work = claimWorkDirectory(options.work());
        Path results = resultsDirectory(options, started);
        OptionalLong baseline = options.rssBaseline().isPresent()
                ? OptionalLong.of(
                        RawJson.baselinePeakRssKb(options.rssBaseline().get()))
                : OptionalLong.empty();
        Path logs = work.resolve("logs");
        PreparedStore.deleteTree(logs);
        Files.createDirectories(logs);

        CommandLog log = new CommandLog();
        CommandRunner setup = new CommandRunner(logs, log, Optional.empty());
        Installer installer = new Installer(path, options.install(), setup, work);
        Map<String, String> absent = new LinkedHashMap<>();
        Installer.Found time = installer.ensure("time", "time");
        if (time.executable().isEmpty()) {
            absent.put("/usr/bin/time (peak RSS)", time.absentReason());
        }
        CommandRunner runner = new CommandRunner(logs, log, time.executable());
        List<Tool> tools = tools(options, work, installer, absent);
        if (!installer.notes().isEmpty()) {
            err.println("installed: " + installer.notes());
        }

        Map<String, String> versions = new LinkedHashMap<>();
        for (Tool tool : tools) {
            versions.put(tool.name(), versionOf(tool, runner));
        }
        versions.put("java (runs mailsnap)", javaVersion(setup, work));
        versions.put("runner JVM", System.getProperty("java.vm.name") + " " + System.getProperty("java.version"));

        err.println("preparing the " + options.preset() + " store in " + work + " ...");
        PreparedStore store = PreparedStore.prepare(work, options.spec());
        log.note("runner: StoreGenerator " + options.spec() + " -> " + store.root()
                + (store.generateSeconds() > 0 ? "" : " (reused, untouched)"));
        err.println("store: " + store);

        Duration settle = options.settleSeconds().isPresent()
                ? Duration.ofSeconds(options.settleSeconds().getAsInt())
                : Scenario.defaultSettle();
        Scenario scenario = new Scenario(tools, runner, log, err, settle);
        scenario.run(store, options.seed(), options.hours());
        absent.putAll(scenario.unusable());

        List<StepResult> steps = scenario.results();
        List<TargetCheck> targets = new Targets(steps, options.preset(), store.largestFolder(), baseline).evaluate();
        ScenarioResults outcome = new ScenarioResults(
                started,
                options,
                commandLine,
                machine,
                versions,
                absent,
                store,
                scenario.churn(),
                steps,
                targets,
                runner.measuresRss());
        String markdown = MarkdownReport.render(outcome);
        Files.createDirectories(results);
        Files.writeString(results.resolve("README.md"), markdown, StandardCharsets.UTF_8);
        Files.writeString(results.resolve("raw.json"), RawJson.render(outcome), StandardCharsets.UTF_8);
        Files.writeString(results.resolve("commands.txt"), log.text(), StandardCharsets.UTF_8);
        out.print(markdown);
        err.println("written: " + results);

        if (options.clean()) {
            for (Tool tool : tools) {
                PreparedStore.deleteTree(tool.home());
            }
            PreparedStore.deleteTree(store.root());
            Files.deleteIfExists(store.root().resolveSibling("store.marker"));
            err.println("cleaned: store, repositories and restores under " + work + " (logs kept)");
        }
        boolean anyFailed = steps.stream().anyMatch(s -> !s.succeeded());
        return anyFailed ? STEP_FAILED : OK;
    }

    /** The tools to measure, each in a fresh home under the work dir; absent ones are noted with the reason. */
    private List<Tool> tools(RunnerOptions options, Path work, Installer installer, Map<String, String> absent)
            throws IOException {
        List<Tool> tools = new ArrayList<>();
        for (String name : RunnerOptions.ALL_TOOLS) {
            if (!options.tools().contains(name)) {
                absent.put(name, "excluded by --tools");
                continue;
            }
            Path home = work.resolve(name);
            PreparedStore.deleteTree(home);
            Files.createDirectories(home);
            switch (name) {
                case "mailsnap" -> {
                    Optional<Path> launcher = options.mailsnap()
                            .map(Path::toAbsolutePath)
                            .or(() -> findUpwards(workingDirectory, Path.of("bin", "mailsnap")));
                    if (launcher.isEmpty()) {
                        absent.put(
                                name,
                                "no bin/mailsnap found walking up from " + workingDirectory + "; pass --mailsnap PATH");
                    } else if (!Files.isExecutable(launcher.get())) {
                        absent.put(name, launcher.get() + " is not an executable file");
                    } else {
                        tools.add(new Mailsnap(launcher.get(), home));
                    }
                }
                case "restic" -> {
                    Installer.Found restic = installer.ensure("restic", "restic");
                    restic.executable()
                            .ifPresentOrElse(
                                    exe -> tools.add(new Restic(exe, home)),
                                    () -> absent.put(name, restic.absentReason()));
                }
                default -> {
                    Installer.Found borg = installer.ensure("borg", "borgbackup");
                    borg.executable()
                            .ifPresentOrElse(
                                    exe -> tools.add(new Borg(exe, home)), () -> absent.put(name, borg.absentReason()));
                }
            }
        }
        return tools;
    }

    private static String versionOf(Tool tool, CommandRunner runner) {
        try {
            return tool.version(runner);
        } catch (IOException e) {
            return "unknown (" + e.getMessage() + ")";
        }
    }

    private static String javaVersion(CommandRunner runner, Path work) {
        try {
            return runner.output(List.of("java", "-version"), Map.of(), work);
        } catch (IOException e) {
            return "unknown (" + e.getMessage() + ")";
        }
    }

    /**
     * Creates the work dir or checks that it is one this runner made (it holds {@code .mailsnap-bench}): the
     * runner deletes directories in it, so it must never adopt someone else's non-empty directory.
     */
    private static Path claimWorkDirectory(Path work) throws IOException {
        Path marker = work.resolve(WORK_MARKER);
        if (Files.isDirectory(work) && !Files.exists(marker)) {
            try (Stream<Path> entries = Files.list(work)) {
                if (entries.findAny().isPresent()) {
                    throw new IOException(work + " is not empty and has no " + WORK_MARKER
                            + ": not a work dir of this runner; choose another --work");
                }
            }
        }
        Files.createDirectories(work);
        if (!Files.exists(marker)) {
            Files.writeString(
                    marker,
                    "work dir of org.mailsnap.bench.ScenarioRunner; its subdirectories are "
                            + "deleted and recreated by every run\n",
                    StandardCharsets.UTF_8);
        }
        return work;
    }

    private Path resultsDirectory(RunnerOptions options, Instant started) throws IOException {
        Path base = options.results().map(Path::toAbsolutePath).orElse(null);
        if (base == null) {
            base = findUpwards(workingDirectory, Path.of("benchmarks", "pom.xml"))
                    .map(pom -> pom.getParent().resolve("results"))
                    .orElseThrow(() -> new IOException("no benchmarks/pom.xml found walking up from " + workingDirectory
                            + "; pass --results DIR"));
        }
        String date = DateTimeFormatter.ISO_LOCAL_DATE.withZone(ZoneOffset.UTC).format(started);
        return base.resolve(date + "-" + options.preset());
    }

    /** {@code relative} below {@code start} or the nearest of its ancestors. */
    static Optional<Path> findUpwards(Path start, Path relative) {
        for (Path dir = start.toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve(relative);
            if (Files.exists(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }
}
