package org.mailsnap.cli;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.Callable;
import org.mailsnap.history.CatalogSync;
import org.mailsnap.prune.Prune;
import org.mailsnap.prune.PruneOptions;
import org.mailsnap.prune.PruneProgress;
import org.mailsnap.prune.PruneResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(
        name = "prune",
        description = {
            "Delete the data no snapshot references (after 'forget'), under an exclusive lock.",
            "While a backup holds its lock it refuses with exit code 11, naming the holder, or waits (--retry-lock); "
                    + "backups of other hosts go on meanwhile.",
            "Partly dead packs are rewritten until at most --max-unused of the repository is dead space, and ten or "
                    + "more small packs (hourly backups close one each) are merged into full ones. Packs a killed "
                    + "backup left without an index are deleted by the second prune that finds them."
        },
        footer = {
            "",
            "Examples:",
            "  mailsnap prune --dry-run",
            "  mailsnap prune --max-unused 5%%",
            "  mailsnap prune --retry-lock 30m   # wait for running backups"
        })
final class PruneCommand implements Callable<Integer> {
    private final Environment env;

    @Mixin
    RepositoryAccessOptions repository;

    @Mixin
    CatalogOptions catalog;

    @Mixin
    ProgressOptions progressOptions;

    @Option(
            names = "--max-unused",
            paramLabel = "PERCENT",
            defaultValue = "5%",
            description = "Dead space allowed to stay in kept packs, as a share of the repository "
                    + "(default: ${DEFAULT-VALUE}, as restic; 0 rewrites every pack holding dead data).")
    String maxUnused;

    @Option(
            names = {"-n", "--dry-run"},
            description = "Say what would be deleted and rewritten; change nothing.")
    boolean dryRun;

    @Option(
            names = "--retry-lock",
            paramLabel = "DURATION",
            defaultValue = "0",
            description = "While a backup holds its lock, try again every 10 s for this long (e.g. 30m, 2h) "
                    + "before giving up with exit code 11; holds no lock meanwhile (default: do not wait).")
    String retryLock;

    @Option(names = "--json", description = "Print one JSON object (schema in README) instead of the report.")
    boolean json;

    PruneCommand(Environment env) {
        this.env = env;
    }

    @Override
    public Integer call() throws Exception {
        PruneOptions options = new PruneOptions(parsePercent(maxUnused), dryRun);
        try (Session session = Session.open(env, repository, catalog)) {
            PruneResult result = prune(env, session, options, parseDuration(retryLock), progressOptions);
            if (json) {
                env.out().println(Json.object(session.json(PruneJson.of(result))));
            } else {
                PruneText.print(result, env.out());
            }
        }
        return ExitCode.OK.code();
    }

    /** Runs a prune on an open session; forget --prune uses it too (and prints the result its own way). */
    static PruneResult prune(Environment env, Session session, PruneOptions options, Duration retryLock)
            throws IOException {
        return prune(env, session, options, retryLock, new ProgressOptions());
    }

    private static PruneResult prune(
            Environment env, Session session, PruneOptions options, Duration retryLock, ProgressOptions progressOptions)
            throws IOException {
        PruneProgress progress = new PruneProgress();
        PruneResult result;
        try (ProgressTicker ticker = ProgressTicker.start(
                env,
                progressOptions,
                seconds -> progress.describe(),
                seconds -> ProgressEvents.prune(progress, seconds))) {
            result = new Prune(session.repository, options, progress)
                    .run(
                            retryLock,
                            Duration.ofSeconds(10),
                            holder -> env.err().println("mailsnap: waiting: " + holder));
        }
        if (result.changed()) {
            CatalogSync.blobIndex(session.repository, session.catalog); // the catalog forgets pruned blobs now
        }
        return result;
    }

    /** {@code 0}, {@code 90s}, {@code 30m}, {@code 2h}. */
    static Duration parseDuration(String text) {
        java.util.regex.Matcher m =
                java.util.regex.Pattern.compile("(\\d{1,6})([smh]?)").matcher(text.trim());
        if (!m.matches()) {
            throw new UserError(
                    ExitCode.USAGE, "--retry-lock takes a duration such as 90s, 30m or 2h, not '" + text + "'");
        }
        long n = Long.parseLong(m.group(1));
        return switch (m.group(2)) {
            case "m" -> Duration.ofMinutes(n);
            case "h" -> Duration.ofHours(n);
            default -> Duration.ofSeconds(n);
        };
    }

    /** {@code 5%}, {@code 5} or {@code 0.5%}: a share in [0, 1). */
    static double parsePercent(String text) {
        String t = text.trim();
        if (t.endsWith("%")) {
            t = t.substring(0, t.length() - 1).trim();
        }
        double value;
        try {
            value = Double.parseDouble(t);
        } catch (NumberFormatException e) {
            throw new UserError(ExitCode.USAGE, "--max-unused takes a percentage such as 5%, not '" + text + "'");
        }
        if (!(value >= 0 && value < 100)) {
            throw new UserError(ExitCode.USAGE, "--max-unused must be at least 0% and below 100%, not " + text);
        }
        return value / 100;
    }
}
