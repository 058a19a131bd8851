package org.mailsnap.cli;

import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.mailsnap.backup.Backup;
import org.mailsnap.backup.BackupProgress;
import org.mailsnap.backup.BackupResult;
import org.mailsnap.backup.BackupSettings;
import org.mailsnap.maildir.MessageFiles;
import org.mailsnap.maildir.StoreLayout;
import org.mailsnap.maildir.lock.DotLockSettings;
import org.mailsnap.maildir.lock.DovecotDotLocker;
import org.mailsnap.maildir.lock.FolderLocker;
import org.mailsnap.maildir.lock.LockMode;
import org.mailsnap.maildir.lock.TouchScheduler;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
        name = "backup",
        description = {
            "Back up a mail store (a directory of Maildirs) as a new snapshot.",
            "Only folders whose directories changed are listed, under Dovecot's lock; only messages the repository has",
            "not seen are read."
        },
        footer = {
            "",
            "Examples:",
            "  mailsnap backup /var/vmail",
            "  mailsnap backup          # store, repository and password from /etc/mailsnap/mailsnap.conf",
            "  mailsnap backup --lock none --metrics-file /var/lib/node-exporter/mailsnap.prom /mnt/snap/vmail",
            "  mailsnap backup --fs-snapshot btrfs /var/vmail"
        })
final class BackupCommand implements Callable<Integer> {
    private final Environment env;

    @Mixin
    RepositoryAccessOptions repository;

    @Mixin
    CatalogOptions catalog;

    @Mixin
    MetricsOptions metrics;

    @Mixin
    ProgressOptions progressOptions;

    @Mixin
    HookOptions hooks;

    @Mixin
    FsSnapshotOptions fsSnapshot;

    // Optional here so that the configuration file's `store` can supply it; call() insists on one.
    @Parameters(
            paramLabel = "STORE",
            arity = "0..1",
            description = "The mail store, e.g. /var/vmail (default: $MAILSNAP_STORE, or store in the configuration).")
    Path store;

    @Option(
            names = "--lock",
            paramLabel = "MODE",
            defaultValue = "dovecot",
            description = "dovecot (a dotlock Dovecot respects; default), maildirlock (Dovecot's helper, checked), "
                    + "none (the store is a filesystem snapshot).")
    String lock;

    @Option(
            names = "--lock-timeout",
            paramLabel = "SECONDS",
            defaultValue = "122",
            description = "Give up on a mailbox whose lock is not free after this long (default: ${DEFAULT-VALUE}).")
    long lockTimeout;

    @Option(
            names = "--layout",
            paramLabel = "LAYOUT",
            defaultValue = "maildir++",
            description = "Folder layout: maildir++ (default) or fs (Dovecot LAYOUT=fs).")
    String layout;

    @Option(
            names = "--separator",
            paramLabel = "CHAR",
            defaultValue = ":",
            description = "Maildir info separator: ':' (Dovecot, default), ';' or '!' for some sync tools.")
    char separator;

    @Option(names = "--rescan", description = "Re-read every message and store any whose bytes changed in place.")
    boolean rescan;

    @Option(names = "--tag", paramLabel = "TAG", description = "A label for the snapshot (repeatable).")
    List<String> tags = new ArrayList<>();

    @Option(names = "--host", paramLabel = "NAME", description = "Host name recorded in the snapshot.")
    String host;

    @Option(names = "--threads", paramLabel = "N", description = "Reader threads (default: the number of cores).")
    Integer threads;

    @Option(
            names = "--allow-empty",
            description = "Back up a store that holds no mailbox (refused by default, exit 1:"
                    + " an unmounted volume looks like that).")
    boolean allowEmpty;

    @Option(
            names = "--allow-shrink",
            description = "Accept without a warning a store holding fewer than half the"
                    + " messages of its previous snapshot (by default a warning and exit 3).")
    boolean allowShrink;

    @Option(names = "--json", description = "Print the result as one JSON object.")
    boolean json;

    @Option(
            names = "--checkpoint",
            paramLabel = "N",
            description = "Publish packs and commit the catalog after every N newly read messages (default: "
                    + BackupSettings.DEFAULT_CHECKPOINT_MESSAGES + "); a killed run resumes from the last one.")
    Integer checkpoint;

    BackupCommand(Environment env) {
        this.env = env;
    }

    @Override
    public Integer call() throws Exception {
        return metrics.run(env, "backup", figures -> hooks.run(env, () -> backup(figures)));
    }

    private int backup(RunMetrics figures) throws Exception {
        if (store == null) {
            throw new UserError(ExitCode.USAGE, "no mail store: give STORE, or set store in the configuration file");
        }
        BackupSettings.Builder settings = BackupSettings.builder(store, host != null ? host : hostname())
                .layout(layout(layout))
                .separator(separator)
                .rescan(rescan)
                .tags(tags)
                .allowEmpty(allowEmpty)
                .allowShrink(allowShrink);
        if (threads != null) {
            settings.threads(threads);
        }
        if (checkpoint != null) {
            settings.checkpointMessages(checkpoint);
        }
        settings.build(); // refuses a bad value (--threads 0) before the repository is opened
        FolderLocker locker = locker();
        try (Session session = Session.openForWriting(env, repository, catalog, "backup of " + store)) {
            BackupProgress progress = new BackupProgress();
            figures.source(m -> BackupMetrics.catalogRebuilt(m, session.rebuilt()));
            figures.source(m -> BackupMetrics.progress(m, progress));
            BackupResult result;
            try (ProgressTicker ticker = ProgressTicker.start(
                    env,
                    progressOptions,
                    seconds -> ProgressLines.backup(progress, seconds),
                    seconds -> ProgressEvents.backup(progress, seconds))) {
                result = fsSnapshot.run(
                        env,
                        store,
                        frozen -> new Backup(
                                        session.repository,
                                        session.catalog,
                                        MessageFiles.real(),
                                        locker,
                                        Clock.systemUTC())
                                .run(settings.frozen(frozen).build(), progress));
            }
            figures.source(m -> BackupMetrics.result(m, result));
            if (metrics.metricsFile != null) {
                // one listing of data/ (on S3 about one request per 1,000 packs), only when the metrics are asked for
                long packBytes = session.repository.maintenance().listPacks().packs().values().stream()
                        .mapToLong(Long::longValue)
                        .sum();
                figures.source(m -> BackupMetrics.repository(m, packBytes));
            }
            report(result, session);
            return result.partial() ? ExitCode.PARTIAL.code() : ExitCode.OK.code();
        }
    }

    private FolderLocker locker() {
        if (fsSnapshot.active()) {
            return FolderLocker.none(); // a snapshot's image changes no more
        }
        LockMode mode;
        try {
            mode = LockMode.valueOf(lock.toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new UserError(ExitCode.USAGE, "--lock must be dovecot, maildirlock or none, not " + lock);
        }
        if (mode == LockMode.DOVECOT) {
            return new DovecotDotLocker(
                    DotLockSettings.dovecotDefaults().withWaitTimeout(Duration.ofSeconds(lockTimeout)),
                    Clock.systemUTC(),
                    TouchScheduler.daemon());
        }
        return mode.defaultLocker();
    }

    private static StoreLayout layout(String name) {
        return switch (name.toLowerCase(java.util.Locale.ROOT)) {
            case "maildir++", "maildirplusplus" -> StoreLayout.MAILDIR_PLUS_PLUS;
            case "fs" -> StoreLayout.FS;
            default -> throw new UserError(ExitCode.USAGE, "--layout must be maildir++ or fs, not " + name);
        };
    }

    static String hostname() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (java.net.UnknownHostException e) {
            return "localhost";
        }
    }

    private void report(BackupResult r, Session session) {
        if (json) {
            env.out().println(Json.object(session.json(BackupReport.json(r))));
        } else {
            BackupReport.text(r, env.out());
        }
        BackupReport.warnings(r, env.err());
    }
}
