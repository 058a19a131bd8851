package org.mailsnap.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.Callable;
import org.mailsnap.backup.Backup;
import org.mailsnap.backup.BackupProgress;
import org.mailsnap.backup.BackupResult;
import org.mailsnap.backup.BackupSettings;
import org.mailsnap.catalog.Catalog;
import org.mailsnap.history.SnapshotHistory;
import org.mailsnap.maildir.MailboxFinder;
import org.mailsnap.maildir.MessageFiles;
import org.mailsnap.maildir.StoreLayout;
import org.mailsnap.maildir.lock.LockMode;
import org.mailsnap.mailgen.ChurnReport;
import org.mailsnap.mailgen.ChurnSimulator;
import org.mailsnap.mailgen.ChurnSpec;
import org.mailsnap.mailgen.GeneratedStore;
import org.mailsnap.mailgen.StoreGenerator;
import org.mailsnap.mailgen.StoreSpec;
import org.mailsnap.mailgen.StoreTree;
import org.mailsnap.repository.Repository;
import org.mailsnap.repository.RepositoryOptions;
import org.mailsnap.restore.RestoreMode;
import org.mailsnap.restore.RestoreRequest;
import org.mailsnap.restore.RestoreResult;
import org.mailsnap.restore.Restorer;
import org.mailsnap.snapshot.BlobSource;
import org.mailsnap.storage.LocalStorage;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The README's first command: a real backup and restore on a generated store, every step printed with its figures,
 * and the restore checked file by file against what the store held at that moment.
 */
@Command(
        name = "demo",
        description = {
            "Show mailsnap at work on a generated sample store, checking the result.",
            "It generates a Maildir store, backs it up into a local repository, simulates an hour of mail, backs up",
            "again, restores one mailbox as it was at the first backup, and checks it file by file."
        },
        footer = {"", "Examples:", "  mailsnap demo", "  mailsnap demo --preset small --dir /tmp/mailsnap-demo"})
final class DemoCommand implements Callable<Integer> {
    private final Environment env;

    @Option(
            names = "--dir",
            paramLabel = "DIR",
            description = "Work directory (default: a new directory under the system temp dir). Kept afterwards.")
    Path dir;

    @Option(names = "--seed", defaultValue = "20261129", description = "Seed of the generated store.")
    long seed;

    @Option(names = "--preset", defaultValue = "tiny", description = "Store size: tiny (default) or small (50k).")
    String preset;

    DemoCommand(Environment env) {
        this.env = env;
    }

    @Override
    public Integer call() throws Exception {
        Path work = dir != null ? dir : Files.createTempDirectory("mailsnap-demo-");
        Files.createDirectories(work);
        Path store = work.resolve("store");
        Path restored = work.resolve("restored");
        StoreSpec spec = (preset.equals("small") ? StoreSpec.small() : StoreSpec.tiny()).withSeed(seed);

        step("1. generating a sample store (%s, seed %d) in %s", preset, seed, store);
        GeneratedStore generated = new StoreGenerator(spec).generate(store);
        say(
                "%d mailboxes, %d folders, %d messages, %s",
                generated.mailboxes(), generated.folders(), generated.messages(), Units.bytes(generated.bytes()));
        StoreTree.Options exact = StoreTree.Options.exact().ignoringDirectoryMtimes();
        String mailbox = new MailboxFinder(StoreLayout.MAILDIR_PLUS_PLUS)
                .find(store)
                .get(0)
                .name();
        StoreTree firstMoment = StoreTree.capture(store.resolve(mailbox), exact);

        String host = BackupCommand.hostname();
        char[] password = "demo-password".toCharArray();
        Files.createDirectories(work.resolve("repository"));
        try (LocalStorage storage = new LocalStorage(work.resolve("repository"));
                Repository repo = Repository.init(storage, password, RepositoryOptions.defaults());
                Catalog catalog =
                        Catalog.open(work.resolve("catalog"), repo.config().repositoryId())) {
            step("2. created repository %s (password '%s')", work.resolve("repository"), new String(password));
            Backup backup =
                    new Backup(repo, catalog, MessageFiles.real(), LockMode.DOVECOT.defaultLocker(), Clock.systemUTC());
            step("3. first backup");
            BackupResult first = report(backup.run(BackupSettings.of(store, host), new BackupProgress()));

            step("4. one hour of mail: flags, keywords, moves, copies, deliveries, expunges, new->cur");
            ChurnReport churn = new ChurnSimulator(ChurnSpec.defaults().withSeed(seed + 1)).simulateHour(store);
            say("%s", churn);

            step("5. hourly backup");
            report(backup.run(BackupSettings.of(store, host), new BackupProgress()));

            SnapshotHistory history = SnapshotHistory.load(repo, catalog);
            step("6. restoring mailbox %s as it was at the first backup into %s", mailbox, restored);
            var blobs = repo.openBlobStore(catalog.blobs()).inStoredOrder();
            long t0 = System.nanoTime();
            RestoreResult r = new Restorer(
                            BlobSource.of(blobs), 2 * Runtime.getRuntime().availableProcessors())
                    .restore(
                            history.open(history.byId(first.snapshotId())),
                            new RestoreRequest(mailbox, null, null, restored, RestoreMode.EMPTY_TARGET));
            say(
                    "%d messages (%s) in %d folders, %d control files, %.2f s",
                    r.messages(),
                    Units.bytes(r.bytes()),
                    r.folders(),
                    r.controlFiles(),
                    (System.nanoTime() - t0) / 1e9);

            step("7. checking the restore against the store as it was then (names, bytes, mtimes, uidlists)");
            List<String> diff = firstMoment.diff(StoreTree.capture(restored, exact));
            if (!diff.isEmpty()) {
                diff.stream().limit(20).forEach(d -> env.err().println("  " + d));
                throw new UserError(
                        ExitCode.FAILURE,
                        "the restore differs from the store at the first backup in " + diff.size() + " places");
            }
            say("identical: %d files, every name, byte and mtime as at the first backup", countFiles(firstMoment));
        }
        step("done. Everything is kept in %s", work);
        return 0;
    }

    private BackupResult report(BackupResult r) {
        var s = r.snapshot().stats();
        var p = r.progress();
        say(
                "snapshot %s: %d messages; %d folders listed, %d messages read (%s), %d renamed, %d moved in; stored %s;"
                        + " longest lock hold %.1f ms; %.2f s",
                r.snapshotId().shortId(),
                s.messages(),
                p.foldersListed.get(),
                p.messagesRead.get(),
                Units.bytes(p.bytesRead.get()),
                p.renamed.get(),
                p.movedIn.get(),
                Units.bytes(r.blobs().bytesStored()),
                s.lockHoldMaxNanos() / 1e6,
                s.durationNanos() / 1e9);
        return r;
    }

    private static long countFiles(StoreTree tree) {
        return tree.entries().values().stream()
                .filter(e -> e.kind() != StoreTree.Kind.DIRECTORY)
                .count();
    }

    private void step(String format, Object... args) {
        env.out().printf("%n" + format + "%n", args);
        env.out().flush();
    }

    private void say(String format, Object... args) {
        env.out().printf("   " + format + "%n", args);
        env.out().flush();
    }
}
