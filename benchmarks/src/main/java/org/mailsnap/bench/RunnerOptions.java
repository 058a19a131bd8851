package org.mailsnap.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import org.mailsnap.mailgen.StoreSpec;

/**
 * The runner's settings, parsed from its arguments; see {@link #USAGE}. Immutable.
 *
 * @param mailsnap explicit launcher; empty means "find {@code bin/mailsnap} walking up from the working directory"
 * @param results  the folder under which {@code <date>-<preset>/} is written; empty means
 *                 {@code benchmarks/results} of the source tree found walking up from the working directory
 * @param settleSeconds how long to wait after {@code sync} before each whole-store restore; empty means 65 s,
 *                 past the time ext4 without a journal keeps a freed inode unused (see {@link Scenario})
 */
record RunnerOptions(
        String preset,
        long seed,
        Path work,
        int hours,
        Optional<Path> mailsnap,
        List<String> tools,
        boolean install,
        Optional<Path> results,
        Optional<Path> rssBaseline,
        boolean clean,
        OptionalInt settleSeconds) {

    static final List<String> ALL_TOOLS = List.of("mailsnap", "restic", "borg");
    static final int DEFAULT_HOURS = 3;

    static final String USAGE = String.join(
            "\n",
            "usage: ScenarioRunner [--preset tiny|small|large] [--seed N] [--work DIR] [--hours N]",
            "                      [--mailsnap PATH] [--tools mailsnap,restic,borg] [--no-install]",
            "                      [--results DIR] [--rss-baseline RAW_JSON] [--clean] [--settle SECONDS]",
            "  --preset        store size: tiny (320 messages), small (50k, 2.5 GB), large (1 M, 18 GB); default tiny",
            "  --seed          generator seed (default 1); churn hours use seed+1, seed+2, ...",
            "  --work          store, repositories, caches, logs (default /tmp/mailsnap-bench-PRESET-sSEED)",
            "  --hours         hourly runs with churn after the single steps (default " + DEFAULT_HOURS
                    + "; a week is 168)",
            "  --mailsnap      the mailsnap launcher (default: bin/mailsnap found walking up from here)",
            "  --tools         which tools to run, comma-separated (default: all three)",
            "  --no-install    never apt-get install a missing restic, borg or time",
            "  --results       where <date>-<preset>/ is written (default: benchmarks/results of this source tree)",
            "  --rss-baseline  raw.json of a small run, to judge memory growth on a large run",
            "  --clean         delete the work dir's store, repositories and restores at the end",
            "  --settle        seconds to wait after sync before each whole-store restore (default: 65, past the",
            "                  60 s ext4 keeps a freed inode unused: no tool pays for files deleted before it)");

    RunnerOptions {
        if (!List.of("tiny", "small", "large").contains(preset)) {
            throw new IllegalArgumentException("unknown preset '" + preset + "' (tiny, small or large)");
        }
        if (hours < 0) {
            throw new IllegalArgumentException("--hours must be 0 or more: " + hours);
        }
        if (settleSeconds.isPresent() && settleSeconds.getAsInt() < 0) {
            throw new IllegalArgumentException("--settle must be 0 or more: " + settleSeconds.getAsInt());
        }
        if (tools.isEmpty()) {
            throw new IllegalArgumentException("--tools names no tool");
        }
        for (String tool : tools) {
            if (!ALL_TOOLS.contains(tool)) {
                throw new IllegalArgumentException("unknown tool '" + tool + "' (mailsnap, restic, borg)");
            }
        }
        tools = List.copyOf(tools);
        work = work.toAbsolutePath().normalize();
    }

    StoreSpec spec() {
        StoreSpec base = switch (preset) {
            case "tiny" -> StoreSpec.tiny();
            case "small" -> StoreSpec.small();
            default -> StoreSpec.large();
        };
        return base.withSeed(seed);
    }

    static RunnerOptions parse(String... args) {
        String preset = "tiny";
        long seed = 1;
        Path work = null;
        int hours = DEFAULT_HOURS;
        Path mailsnap = null;
        List<String> tools = ALL_TOOLS;
        boolean install = true;
        Path results = null;
        Path baseline = null;
        boolean clean = false;
        OptionalInt settle = OptionalInt.empty();
        for (int i = 0; i < args.length; i++) {
            String option = args[i];
            switch (option) {
                case "--no-install" -> install = false;
                case "--clean" -> clean = true;
                case "--preset",
                        "--seed",
                        "--work",
                        "--hours",
                        "--mailsnap",
                        "--tools",
                        "--results",
                        "--rss-baseline",
                        "--settle" -> {
                    if (i + 1 >= args.length) {
                        throw new IllegalArgumentException(option + " needs a value");
                    }
                    String value = args[++i];
                    switch (option) {
                        case "--preset" -> preset = value;
                        case "--seed" -> seed = number(option, value);
                        case "--work" -> work = Path.of(value);
                        case "--hours" -> hours = (int) number(option, value);
                        case "--mailsnap" -> mailsnap = Path.of(value);
                        case "--tools" -> tools = toolList(value);
                        case "--results" -> results = Path.of(value);
                        case "--settle" -> settle = OptionalInt.of((int) number(option, value));
                        default -> baseline = Path.of(value);
                    }
                }
                default -> throw new IllegalArgumentException("unknown argument '" + option + "'");
            }
        }
        if (work == null) {
            work = Path.of(System.getProperty("java.io.tmpdir"), "mailsnap-bench-" + preset + "-s" + seed);
        }
        return new RunnerOptions(
                preset,
                seed,
                work,
                hours,
                Optional.ofNullable(mailsnap),
                tools,
                install,
                Optional.ofNullable(results),
                Optional.ofNullable(baseline),
                clean,
                settle);
    }

    private static List<String> toolList(String value) {
        Set<String> tools = new LinkedHashSet<>();
        for (String tool : value.split(",")) {
            if (!tool.isBlank()) {
                tools.add(tool.strip());
            }
        }
        // The table always lists mailsnap first, then its peers, whatever order was given.
        List<String> ordered = new ArrayList<>();
        ALL_TOOLS.stream().filter(tools::contains).forEach(ordered::add);
        tools.stream().filter(t -> !ALL_TOOLS.contains(t)).forEach(ordered::add);
        return ordered;
    }

    private static long number(String option, String value) {
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " needs a whole number, not '" + value + "'");
        }
    }
}
