package org.mailsnap.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.mailsnap.catalog.SnapshotSummary;
import org.mailsnap.history.SnapshotHistory;
import org.mailsnap.model.NameBytes;
import org.mailsnap.repository.BlobStore;
import org.mailsnap.snapshot.FolderEntry;
import org.mailsnap.snapshot.ManifestReader;
import org.mailsnap.snapshot.Snapshot;
import org.mailsnap.snapshot.TreeReader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "ls", description = {"List a snapshot: its mailboxes and folders, or with --folder the messages",
        "of one folder (name with flags, new/cur, size, date)."})
final class LsCommand implements Callable<Integer> {
    private final Environment env;

    @Mixin RepositoryOptions repository;
    @Mixin CatalogOptions catalog;

    @Parameters(paramLabel = "SNAPSHOT", description = "Snapshot id, unique prefix, or 'latest'.")
    String snapshot;

    @Option(names = {"-m", "--mailbox"}, paramLabel = "MAILBOX", description = "Only this mailbox.")
    String mailbox;

    @Option(names = {"-f", "--folder"}, paramLabel = "FOLDER",
            description = "List the messages of this folder ('INBOX' or '' for the root, '.Sent', …).")
    String folder;

    LsCommand(Environment env) {
        this.env = env;
    }

    @Override
    public Integer call() throws Exception {
        String wantedFolder = folder == null ? null : (folder.equalsIgnoreCase("INBOX") ? "" : folder);
        try (Session session = Session.open(env, repository, catalog)) {
            SnapshotHistory history = session.history();
            SnapshotSummary summary = history.byId(snapshot, null);
            Snapshot snap = history.open(summary);
            BlobStore blobs = session.blobs();
            List<FolderEntry> folders = new ArrayList<>();
            TreeReader.read(snap.tree(), blobs::get, f -> {
                if ((mailbox == null || mailbox.equals(f.key().mailbox()))
                        && (wantedFolder == null || wantedFolder.equals(f.key().folder()))) {
                    folders.add(f);
                }
            });
            if (folders.isEmpty()) {
                throw new UserError(ExitCode.FAILURE, "nothing in snapshot " + summary.id().substring(0, 12)
                        + " matches" + (mailbox == null ? "" : " mailbox '" + mailbox + "'")
                        + (folder == null ? "" : " folder '" + folder + "'"));
            }
            if (wantedFolder == null) {
                env.out().printf("%-40s %-24s %9s %12s%n", "MAILBOX", "FOLDER", "MESSAGES", "SIZE");
                for (FolderEntry f : folders) {
                    env.out().printf("%-40s %-24s %9d %12s%n", NameBytes.printable(f.key().mailbox()),
                            f.key().folder().isEmpty() ? "INBOX" : NameBytes.printable(f.key().folder()), f.messages(),
                            Units.bytes(f.bytes()));
                }
                return 0;
            }
            for (FolderEntry f : folders) {
                env.out().println(NameBytes.printable(f.key().mailbox()) + " "
                        + (f.key().folder().isEmpty() ? "INBOX" : NameBytes.printable(f.key().folder())) + ":");
                ManifestReader.read(f.manifest(), blobs::get, p -> env.out().printf("  %s %-19s %10d  %s%s%n",
                        p.inCur() ? "cur" : "new", SnapshotsCommand.TIME.format(
                                java.time.Instant.EPOCH.plusNanos(p.mtimeNanos())), p.content().size(),
                                NameBytes.printable(p.name()),
                                p.guid().isEmpty() ? "" : "  guid " + NameBytes.printable(p.guid())));
            }
        }
        return 0;
    }
}
