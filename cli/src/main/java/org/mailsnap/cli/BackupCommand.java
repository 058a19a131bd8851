package org.mailsnap.cli;

import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
import org.mailsnap.snapshot.SnapshotStats;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "backup", description = {"Back up a mail store (a directory of Maildirs) as a new snapshot.",
        "Only folders whose directories changed are listed, under Dovecot's lock; only messages the repository has",
        "not seen are read."})
final class BackupCommand implements Callable<Integer> {
    private final Environment env;

    @Mixin RepositoryOptions repository;
    @Mixin CatalogOptions catalog;

    @Parameters(paramLabel = "STORE", description = "The mail store, e.g. /var/vmail.")
    Path store;

    @Option(names = "--lock", paramLabel = "MODE", defaultValue = "dovecot",
            description = "dovecot (a dotlock Dovecot respects; default), maildirlock (Dovecot's helper, checked), "
                    + "none (the store is a filesystem snapshot).")
    String lock;

    @Option(names = "--lock-timeout", paramLabel = "SECONDS", defaultValue = "122",
            description = "Give up on a mailbox whose lock is not free after this long (default: ${DEFAULT-VALUE}).")
    long lockTimeout;

    @Option(names = "--layout", paramLabel = "LAYOUT", defaultValue = "maildir++",
            description = "Folder layout: maildir++ (default) or fs (Dovecot LAYOUT=fs).")
    String layout;

    @Option(names = "--separator", paramLabel = "CHAR", defaultValue = ":",
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

    @Option(names = "--allow-empty", description = "Back up a store that holds no mailbox (refused by default, exit 1:"
            + " an unmounted volume looks like that).")
    boolean allowEmpty;

    @Option(names = "--allow-shrink", description = "Accept without a warning a store holding fewer than half the"
            + " messages of its previous snapshot (by default a warning and exit 3).")
    boolean allowShrink;

    @Option(names = "--json", description = "Print the result as one JSON object.")
    boolean json;

    @Option(names = "--checkpoint", paramLabel = "N",
            description = "Publish packs and commit the catalog after every N newly read messages (default: "
                    + BackupSettings.DEFAULT_CHECKPOINT_MESSAGES + "); a killed run resumes from the last one.")
    Integer checkpoint;

    BackupCommand(Environment env) {
        this.env = env;
    }

    @Override
    public Integer call() throws Exception {
        BackupSettings settings = BackupSettings.of(store, host != null ? host : hostname())
                .withLayout(layout(layout)).withSeparator(separator).withRescan(rescan).withTags(tags)
                .withAllowEmpty(allowEmpty).withAllowShrink(allowShrink);
        if (threads != null) {
            settings = settings.withThreads(threads);
        }
        if (checkpoint != null) {
            settings = settings.withCheckpointMessages(checkpoint);
        }
        FolderLocker locker = locker();
        try (Session session = Session.open(env, repository, catalog)) {
            BackupProgress progress = new BackupProgress();
            BackupResult result;
            try (ProgressTicker ticker = ProgressTicker.start(env, progress)) {
                result = new Backup(session.repository, session.catalog, MessageFiles.real(), locker,
                        Clock.systemUTC()).run(settings, progress);
            }
            report(result);
            return result.partial() ? ExitCode.PARTIAL.code() : ExitCode.OK.code();
        }
    }

    private FolderLocker locker() {
        LockMode mode;
        try {
            mode = LockMode.valueOf(lock.toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new UserError(ExitCode.USAGE, "--lock must be dovecot, maildirlock or none, not " + lock);
        }
        if (mode == LockMode.DOVECOT) {
            return new DovecotDotLocker(DotLockSettings.dovecotDefaults().withWaitTimeout(
                    Duration.ofSeconds(lockTimeout)), Clock.systemUTC(), TouchScheduler.daemon());
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

    private void report(BackupResult r) {
        SnapshotStats s = r.snapshot().stats();
        BackupProgress p = r.progress();
        if (json) {
            Map<String, Object> o = new LinkedHashMap<>();
            o.put("snapshot", r.snapshotId());
            o.put("time", r.snapshot().time().toString());
            o.put("mailboxes", s.mailboxes());
            o.put("folders", s.folders());
            o.put("messages", s.messages());
            o.put("bytes", s.bytes());
            o.put("foldersListed", p.foldersListed());
            o.put("newMessages", p.messagesRead());
            o.put("bytesRead", p.bytesRead());
            o.put("renamed", p.renamed());
            o.put("movedIn", p.movedIn());
            o.put("gone", p.gone());
            o.put("vanished", p.vanished());
            o.put("recaptured", p.recaptured());
            o.put("unreadable", p.unreadable());
            o.put("changedInPlace", p.changedInPlace());
            o.put("notFollowed", p.notFollowed());
            o.put("shrank", r.shrank());
            o.put("blobsNew", r.blobs().blobsNew());
            o.put("blobsDeduplicated", r.blobs().blobsDeduplicated());
            o.put("storedBytes", r.blobs().bytesStored());
            o.put("lockHoldMaxMillis", s.lockHoldMaxNanos() / 1e6);
            o.put("lockHoldTotalMillis", s.lockHoldTotalNanos() / 1e6);
            o.put("durationMillis", s.durationNanos() / 1e6);
            o.put("partial", r.partial());
            o.put("failedMailboxes", s.failedMailboxes());
            o.put("problems", r.problems());
            env.out().println(Json.object(o));
        } else {
            env.out().printf("snapshot %s saved%n", r.snapshotId().substring(0, 12));
            env.out().printf("  store:    %d mailboxes, %d folders, %d messages, %s%n", s.mailboxes(), s.folders(),
                    s.messages(), Units.bytes(s.bytes()));
            env.out().printf("  changes:  %d folders listed, %d new messages read (%s), %d renamed, %d moved/copied"
                    + " in, %d gone%n", p.foldersListed(), p.messagesRead(), Units.bytes(p.bytesRead()), p.renamed(),
                    p.movedIn(), p.gone());
            if (p.recaptured() > 0 || p.vanished() > 0) {
                env.out().printf("  live:     %d mailboxes listed again (a listed message moved or was expunged before"
                        + " it was read), %d messages still gone after the last listing%n", p.recaptured(),
                        p.vanished());
            }
            env.out().printf("  stored:   %s in %d new blobs (%d deduplicated)%n",
                    Units.bytes(r.blobs().bytesStored()), r.blobs().blobsNew(), r.blobs().blobsDeduplicated());
            env.out().printf("  lock:     longest hold %.1f ms, total %.1f ms%n", s.lockHoldMaxNanos() / 1e6,
                    s.lockHoldTotalNanos() / 1e6);
            env.out().printf("  duration: %.2f s%n", s.durationNanos() / 1e9);
        }
        for (String problem : r.problems()) {
            env.err().println("mailsnap: warning: " + problem);
        }
        if (s.partial() || p.unreadable() > 0 || p.notFollowed() > 0) {
            env.err().println("mailsnap: the snapshot is partial" + (s.failedMailboxes().isEmpty() ? ""
                    : ": " + String.join(", ", s.failedMailboxes())));
        }
    }
}
