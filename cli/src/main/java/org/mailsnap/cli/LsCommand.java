package org.mailsnap.cli;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.mailsnap.catalog.CatalogReader;
import org.mailsnap.catalog.SnapshotSummary;
import org.mailsnap.history.SnapshotHistory;
import org.mailsnap.maildir.FlagWords;
import org.mailsnap.maildir.Keywords;
import org.mailsnap.model.BaseNames;
import org.mailsnap.snapshot.BlobSource;
import org.mailsnap.snapshot.FolderEntry;
import org.mailsnap.snapshot.Snapshot;
import org.mailsnap.walk.CapturedKeywords;
import org.mailsnap.walk.Selection;
import org.mailsnap.walk.SnapshotWalker;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(
        name = "ls",
        description = {
            "List the mailboxes and folders of a snapshot, or the messages of one folder.",
            "With --folder: each message's date, From, Subject and flags in words; --long adds its file."
        },
        footer = {
            "",
            "Examples:",
            "  mailsnap ls latest",
            "  mailsnap ls latest --mailbox example.org/anne --folder .Sent",
            "  mailsnap ls latest -m example.org/anne -f INBOX --long",
            "  mailsnap ls 3f2a9c1b --json"
        })
final class LsCommand implements Callable<Integer> {
    private final Environment env;

    @Mixin
    RepositoryAccessOptions repository;

    @Mixin
    CatalogOptions catalog;

    @Parameters(paramLabel = "SNAPSHOT", description = "Snapshot id, unique prefix, or 'latest'.")
    String snapshot;

    @Option(
            names = {"-m", "--mailbox"},
            paramLabel = "MAILBOX",
            description = "Only this mailbox.")
    String mailbox;

    @Option(
            names = {"-f", "--folder"},
            paramLabel = "FOLDER",
            description = "List the messages of this folder ('INBOX' or '' for the root, '.Sent', …).")
    String folder;

    @Option(
            names = {"-l", "--long"},
            description = "With --folder: also new/cur, size, file name and GUID.")
    boolean withFileNames;

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
            SnapshotSummary summary = history.named(snapshot, null);
            Snapshot snap = history.open(summary);
            BlobSource blobs = session.blobs().inStoredOrder()::get;
            SnapshotWalker walker = new SnapshotWalker(blobs, snap.separator());
            List<FolderEntry> folders = walker.select(snap, new Selection(mailbox, wantedFolder, null));
            Map<FolderEntry, List<LsReport.Message>> messages = null;
            if (wantedFolder != null) {
                messages = new LinkedHashMap<>();
                try (CatalogReader index = session.catalog.read()) {
                    for (FolderEntry f : folders) {
                        messages.put(f, messages(f, walker, blobs, index, new BaseNames(snap.separator())));
                    }
                }
            }
            LsReport report = new LsReport(summary, folders, messages);
            if (json) {
                env.out().println(Json.object(session.json(LsJson.of(report))));
            } else {
                LsText.print(report, withFileNames, env.out());
            }
        }
        return 0;
    }

    private static List<LsReport.Message> messages(
            FolderEntry f, SnapshotWalker walker, BlobSource blobs, CatalogReader index, BaseNames bases)
            throws IOException {
        Keywords keywords = CapturedKeywords.forNaming(f, blobs);
        List<LsReport.Message> list = new ArrayList<>();
        walker.walkFolder(
                f,
                Selection.ALL,
                p -> list.add(new LsReport.Message(
                        p,
                        FlagWords.of(p.name(), bases.separator(), keywords),
                        index.message(f.key().mailbox(), p.identity(bases.baseOf(p.name())))
                                .orElse(null))));
        return list;
    }
}
