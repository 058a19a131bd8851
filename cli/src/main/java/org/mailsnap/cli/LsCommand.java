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

@Command(name = "ls", description = {"List the mailboxes and folders of a snapshot, or the messages of one folder.",
        "With --folder: each message's file name (with its flags), new/cur, date and size."},
        footer = {"", "Examples:",
                "  mailsnap ls latest",
                "  mailsnap ls latest --mailbox example.org/anne --folder .Sent",
                "  mailsnap ls 3f2a9c1b --json"})
final class LsCommand implements Callable<Integer> {
    private final Environment env;

    @Mixin RepositoryAccessOptions repository;
    @Mixin CatalogOptions catalog;

    @Parameters(paramLabel = "SNAPSHOT", description = "Snapshot id, unique prefix, or 'latest'.")
    String snapshot;

    @Option(names = {"-m", "--mailbox"}, paramLabel = "MAILBOX", description = "Only this mailbox.")
    String mailbox;

    @Option(names = {"-f", "--folder"}, paramLabel = "FOLDER",
            description = "List the messages of this folder ('INBOX' or '' for the root, '.Sent', …).")
    String folder;

    @Option(names = "--json", description = "Print one JSON object (schema in README).")
    boolean json;

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
            java.util.Map<FolderEntry, List<org.mailsnap.model.Placement>> placements = null;
            if (wantedFolder != null) {
                placements = new java.util.LinkedHashMap<>();
                for (FolderEntry f : folders) {
                    List<org.mailsnap.model.Placement> list = new ArrayList<>();
                    ManifestReader.read(f.manifest(), blobs::get, list::add);
                    placements.put(f, list);
                }
            }
            LsReport report = new LsReport(summary, folders, placements);
            if (json) {
                env.out().println(Json.object(report.json()));
            } else {
                report.text(env.out());
            }
        }
        return 0;
    }
}
