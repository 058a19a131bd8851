package org.mailsnap.cli;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.mailsnap.prune.PruneOptions;
import org.mailsnap.prune.PruneResult;
import org.mailsnap.retention.DeletedMailLedger;
import org.mailsnap.retention.Forget;
import org.mailsnap.retention.ForgetPlan;
import org.mailsnap.retention.GroupBy;
import org.mailsnap.retention.KeepWithin;
import org.mailsnap.retention.RetentionPolicy;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(
        name = "forget",
        description = {
            "Remove snapshots by a retention policy, applied to each store (host and path) on its own.",
            "Newest first, each --keep-hourly/-daily/-weekly/-monthly/-yearly rule keeps the newest snapshot of each "
                    + "hour, day, ISO week, month or year (local time, or $MAILSNAP_TZ) until its count is used; a rule "
                    + "with count left also keeps the oldest snapshot. --keep-within counts back from the newest "
                    + "snapshot. A snapshot kept by any rule stays, and so does the newest snapshot of each store.",
            "Only snapshot objects are deleted, under a shared lock (backups go on); 'prune' or --prune frees the data.",
            "With --keep-deleted-within, every message that left its folder (expunged, or moved) within that window "
                    + "before the newest snapshot stays restorable with its flags, folder and content when the "
                    + "snapshots that held it go: each store's newest snapshot is replaced by one carrying a ledger "
                    + "of them: 'find --deleted-since' lists them, 'restore --message' or 'restore --deleted-since' "
                    + "puts them back. Without it, the snapshot carrying "
                    + "a store's ledger is kept.",
            "With --mailbox instead of a policy, one mailbox is removed from every snapshot (a departed user, an erasure "
                    + "request): each snapshot holding it is replaced by one without it; after 'prune' none of its data "
                    + "remains that no other mailbox references ('stats --mailbox' shows 0 bytes)."
        },
        footer = {
            "",
            "Examples:",
            "  mailsnap forget --keep-hourly 48 --keep-daily 30 --keep-weekly 12 --keep-monthly 12 --dry-run",
            "  mailsnap forget --keep-hourly 48 --keep-daily 30 --keep-weekly 12 --keep-monthly 12 --prune",
            "  mailsnap forget --keep-within 90d --group-by host",
            "  mailsnap forget --keep-daily 7 --keep-deleted-within 90d --prune",
            "  mailsnap forget --mailbox example.org/anne --prune"
        })
final class ForgetCommand implements Callable<Integer> {
    private final Environment env;

    @Mixin
    RepositoryAccessOptions repository;

    @Mixin
    CatalogOptions catalog;

    @Option(names = "--keep-last", paramLabel = "N", description = "Keep the newest N snapshots.")
    String last;

    @Option(names = "--keep-hourly", paramLabel = "N", description = "Keep the newest snapshot of each of N hours.")
    String hourly;

    @Option(names = "--keep-daily", paramLabel = "N", description = "Keep the newest snapshot of each of N days.")
    String daily;

    @Option(names = "--keep-weekly", paramLabel = "N", description = "Keep the newest snapshot of each of N ISO weeks.")
    String weekly;

    @Option(names = "--keep-monthly", paramLabel = "N", description = "Keep the newest snapshot of each of N months.")
    String monthly;

    @Option(
            names = "--keep-yearly",
            paramLabel = "N",
            description = "Keep the newest snapshot of each of N years. Every N may be 'unlimited'.")
    String yearly;

    @Option(
            names = "--keep-within",
            paramLabel = "DURATION",
            description = "Keep every snapshot newer than DURATION (e.g. 1y5m7d2h, 90d) before the newest one.")
    String within;

    @Option(
            names = "--keep-deleted-within",
            paramLabel = "DURATION",
            description = "Keep every message deleted within DURATION (as --keep-within) before the newest snapshot "
                    + "restorable, in a ledger carried by the newest snapshot of its store ('find --deleted-since' "
                    + "lists them).")
    String deletedWithin;

    @Option(
            names = "--keep-tag",
            paramLabel = "TAG[,TAG]",
            description = "Keep every snapshot carrying all these tags (repeatable).")
    List<String> tags = new ArrayList<>();

    @Option(
            names = "--group-by",
            paramLabel = "KEYS",
            defaultValue = "host,path",
            description = "host,path (default), host, path or none.")
    String groupBy;

    @Option(
            names = "--mailbox",
            paramLabel = "MAILBOX",
            description = "Remove this mailbox from every snapshot instead of applying a policy.")
    String mailbox;

    @Option(
            names = {"-n", "--dry-run"},
            description = "Print the plan; delete nothing.")
    boolean dryRun;

    @Option(names = "--prune", description = "Run 'prune' afterwards.")
    boolean prune;

    @Option(
            names = "--max-unused",
            paramLabel = "PERCENT",
            defaultValue = "5%",
            description = "With --prune: as prune's option (default: ${DEFAULT-VALUE}).")
    String maxUnused;

    @Option(
            names = "--retry-lock",
            paramLabel = "DURATION",
            defaultValue = "0",
            description = "With --prune: as prune's option.")
    String retryLock;

    @Option(names = "--json", description = "Print one JSON object (schema in README) instead of the table.")
    boolean json;

    ForgetCommand(Environment env) {
        this.env = env;
    }

    @Override
    public Integer call() throws Exception {
        if (mailbox != null) {
            return forgetMailbox();
        }
        RetentionPolicy policy;
        GroupBy grouping;
        KeepWithin deletedWindow;
        try {
            policy = RetentionPolicy.of(
                    count(last),
                    count(hourly),
                    count(daily),
                    count(weekly),
                    count(monthly),
                    count(yearly),
                    within == null ? null : KeepWithin.parse(within),
                    tags);
            grouping = GroupBy.parse(groupBy);
            deletedWindow = deletedWithin == null ? null : KeepWithin.parse(deletedWithin);
        } catch (IllegalArgumentException e) {
            throw new UserError(ExitCode.USAGE, e.getMessage());
        }
        if (policy.isEmpty()) {
            throw new UserError(
                    ExitCode.USAGE,
                    "no policy: give at least one --keep-… option (forget never removes " + "every snapshot)");
        }
        PruneOptions pruneOptions = new PruneOptions(PruneCommand.parsePercent(maxUnused), dryRun);
        java.time.Duration retry = PruneCommand.parseDuration(retryLock);
        ZoneId zone = zone();
        try (Session session = Session.open(env, repository, catalog)) {
            Forget forget = new Forget(session.repository, session.catalog.blobs());
            ForgetPlan plan = forget.plan(policy, grouping, zone, deletedWindow);
            if (!json) {
                ForgetText.plan(plan, zone, env.out());
            }
            List<DeletedMailLedger.Outcome> ledgers = List.of();
            for (String problem : plan.unreadable()) {
                env.err().println("mailsnap: warning: snapshot left alone, it cannot be read: " + problem);
            }
            int removed = plan.removed().size();
            Integer deleted = null;
            if (dryRun) {
                ledgers = forget.preview(plan);
                if (!json) {
                    ForgetText.ledgers(ledgers, true, env.out());
                    ForgetText.removed(removed, plan, true, env.out());
                }
            } else {
                Forget.Outcome outcome = forget.run(plan, n -> {});
                deleted = outcome.deleted();
                ledgers = outcome.ledgers();
                if (!json) {
                    ForgetText.ledgers(ledgers, false, env.out());
                }
                if (plan.unreadable().isEmpty()) {
                    // the catalog drops the forgotten snapshots now (with an unreadable one its sync would fail;
                    // the next command's sync does it)
                    session.history();
                }
                if (!json) {
                    ForgetText.removed(deleted, plan, false, env.out());
                }
            }
            PruneResult pruned = null;
            if (prune) {
                pruned = PruneCommand.prune(env, session, pruneOptions, retry);
                if (!json) {
                    PruneText.print(pruned, env.out());
                }
            }
            if (json) {
                env.out().println(Json.object(session.json(ForgetJson.of(plan, dryRun, deleted, ledgers, pruned))));
            }
            // an unreadable snapshot was neither kept nor removed: the rest was done, so "partial"
            return plan.unreadable().isEmpty() ? ExitCode.OK.code() : ExitCode.PARTIAL.code();
        }
    }

    private int forgetMailbox() throws Exception {
        if (last != null
                || hourly != null
                || daily != null
                || weekly != null
                || monthly != null
                || yearly != null
                || within != null
                || !tags.isEmpty()
                || deletedWithin != null) {
            throw new UserError(
                    ExitCode.USAGE,
                    "--mailbox removes one mailbox from every snapshot; it takes no"
                            + " --keep-… policy (run forget twice)");
        }
        if (mailbox.isEmpty() || mailbox.startsWith("/") || mailbox.endsWith("/")) {
            throw new UserError(
                    ExitCode.USAGE,
                    "--mailbox takes a mailbox as 'snapshots'/'ls' show it (e.g." + " example.org/anne), not '"
                            + mailbox + "'");
        }
        PruneOptions pruneOptions = new PruneOptions(PruneCommand.parsePercent(maxUnused), dryRun);
        java.time.Duration retry = PruneCommand.parseDuration(retryLock);
        try (Session session = Session.open(env, repository, catalog)) {
            Map<String, Object> result = json ? new java.util.LinkedHashMap<>() : null;
            int code = ForgetMailboxRun.run(env, session, mailbox, dryRun, result);
            PruneResult pruned = prune ? PruneCommand.prune(env, session, pruneOptions, retry) : null;
            if (json) {
                result.put("prune", pruned == null ? null : PruneJson.of(pruned));
                env.out().println(Json.object(session.json(result)));
            } else if (pruned != null) {
                PruneText.print(pruned, env.out());
            }
            return code;
        }
    }

    /** The zone whose hours, days, weeks, months and years the buckets follow: $MAILSNAP_TZ, else the system's. */
    private ZoneId zone() {
        String tz = env.get("MAILSNAP_TZ");
        try {
            return tz == null || tz.isBlank() ? ZoneId.systemDefault() : ZoneId.of(tz);
        } catch (java.time.DateTimeException e) {
            throw new UserError(ExitCode.USAGE, "MAILSNAP_TZ is not a time zone: " + tz);
        }
    }

    private static int count(String text) {
        if (text == null) {
            return 0;
        }
        if (text.equalsIgnoreCase("unlimited")) {
            return RetentionPolicy.UNLIMITED;
        }
        try {
            int n = Integer.parseInt(text.trim());
            if (n < 0) {
                throw new NumberFormatException();
            }
            return n;
        } catch (NumberFormatException e) {
            throw new UserError(
                    ExitCode.USAGE, "a --keep-… count is a number of 0 or more, or 'unlimited', not '" + text + "'");
        }
    }
}
