package org.mailsnap.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.mailsnap.catalog.SnapshotSummary;
import org.mailsnap.history.SnapshotHistory;
import org.mailsnap.model.NameBytes;
import org.mailsnap.restore.LiveStore;
import org.mailsnap.restore.RestoreMode;
import org.mailsnap.restore.RestoreRequest;
import org.mailsnap.restore.RestoreResult;
import org.mailsnap.check.DamageMarks;
import org.mailsnap.restore.RestoreProgress;
import org.mailsnap.restore.Restorer;
import org.mailsnap.snapshot.Snapshot;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "restore", description = {"Restore a mailbox, a folder or one message as a snapshot holds it.",
        "Into an empty directory: the exact files, names (flags), mtimes, uidlist and keywords of that moment.",
        "With --merge into a live mailbox: only messages the mailbox has nowhere now (by base or Dovecot GUID),",
        "delivered the Maildir way (tmp/, fsync, then into cur/ or new/); the live dovecot-uidlist is never touched.",
        "With --as-folder NAME: the snapshot's folders under a new, subscribed folder of the live mailbox at TARGET,",
        "for the user to take back what they want; no other folder is touched.",
        "A restore never follows a symbolic link below TARGET: a folder reached through one is named and skipped.",
        "A file whose content the repository cannot give back is named, the rest is restored (exit 3);",
        "--resume then finishes an interrupted or partial restore into the same TARGET."},
        footer = {"", "Examples:",
                "  mailsnap restore --at \"yesterday 10:00\" --mailbox example.org/anne --target /tmp/anne",
                "  mailsnap restore --at 2d --mailbox example.org/anne --target /var/vmail/example.org/anne --merge",
                "  mailsnap restore --at \"2026-12-01 10:00\" -m example.org/anne --target /var/vmail/example.org/anne \\",
                "        --as-folder \"Restored/2026-12-01 10:00\"",
                "  mailsnap restore --snapshot 3f2a9c1b -m example.org/anne -f .Sent --message 1700000000.M1P1.mx1 \\",
                "        --target /tmp/one"})
final class RestoreCommand implements Callable<Integer> {
    private final Environment env;

    @Mixin RepositoryAccessOptions repository;
    @Mixin CatalogOptions catalog;
    @Mixin SnapshotChoice snapshot;
    @Mixin ProgressOptions progressOptions;

    @Option(names = {"-m", "--mailbox"}, paramLabel = "MAILBOX",
            description = "The mailbox, as named in the snapshot (see 'ls'); without it every mailbox is restored "
                    + "under TARGET/<mailbox>.")
    String mailbox;

    @Option(names = {"-f", "--folder"}, paramLabel = "FOLDER", description = "Only this folder ('INBOX', '.Sent').")
    String folder;

    @Option(names = "--message", paramLabel = "BASE", description = "Only the message with this base name or GUID.")
    String message;

    @Option(names = {"-t", "--target"}, paramLabel = "DIR", required = true,
            description = "An empty (or new) directory; with --merge, the live mailbox root.")
    Path target;

    @Option(names = "--merge", description = "Add only what the live mailbox at TARGET lacks.")
    boolean merge;

    @Option(names = "--as-folder", paramLabel = "NAME", description = "Write the snapshot's folders under this new"
            + " folder of the live mailbox at TARGET, levels separated by '/' (e.g. 'Restored/2026-12-01 10:00').")
    String asFolder;
    @Option(names = "--resume", description = "Finish a restore into TARGET that was interrupted or partial: files "
            + "already complete (same name and size) are kept, the rest is written.")
    boolean resume;

    @Option(names = "--threads", paramLabel = "N", description = "Writer threads (default: 2 × cores).")
    Integer threads;

    @Option(names = "--json", description = "Print the result as one JSON object (schema in README).")
    boolean json;

    RestoreCommand(Environment env) {
        this.env = env;
    }

    @Override
    public Integer call() throws Exception {
        if (merge && asFolder != null) {
            throw new UserError(ExitCode.USAGE, "--merge and --as-folder exclude each other");
        }
        if ((merge || asFolder != null) && mailbox == null) {
            throw new UserError(ExitCode.USAGE, (merge ? "--merge" : "--as-folder") + " needs --mailbox");
        }
        if (resume && (merge || asFolder != null)) {
            throw new UserError(ExitCode.USAGE, "--resume is for a restore into its own directory; --merge and"
                    + " --as-folder already skip what is written");
        }
        RestoreMode mode = merge ? RestoreMode.MERGE : asFolder != null ? RestoreMode.AS_FOLDER
                : resume ? RestoreMode.RESUME : RestoreMode.EMPTY_TARGET;
        RestoreRequest request;
        try {
            request = new RestoreRequest(mailbox, folder == null ? null : (folder.equalsIgnoreCase("INBOX") ? ""
                    : folder), message, target, mode, asFolder);
        } catch (IllegalArgumentException e) {
            throw new UserError(ExitCode.USAGE, e.getMessage());
        }
        try (Session session = Session.open(env, repository, catalog)) {
            SnapshotHistory history = session.history();
            SnapshotSummary summary = snapshot.resolve(history);
            Snapshot snap = history.open(summary);
            refuseTheLiveStore(snap);
            var blobs = session.blobs();
            int n = threads != null ? threads : 2 * Runtime.getRuntime().availableProcessors();
            RestoreProgress progress = new RestoreProgress();
            RestoreResult r;
            try (ProgressTicker ticker = ProgressTicker.start(env, progressOptions,
                    seconds -> ProgressLines.restore(progress, seconds),
                    seconds -> ProgressEvents.restore(progress, seconds))) {
                r = new Restorer(DamageMarks.marking(blobs::get, session.catalog), n).restore(snap, request, progress);
            }
            RestoreReport report = new RestoreReport(summary, target, mode, r);
            if (json) {
                env.out().println(Json.object(report.json()));
            } else {
                report.text(env.out());
            }
            for (String note : r.notes()) {
                env.err().println("mailsnap: note: " + NameBytes.printable(note)); // one line, whatever the names
            }
            for (String failure : r.failures()) {
                env.err().println("mailsnap: not restored: " + failure);
            }
            if (r.partial()) {
                env.err().println("mailsnap: restore partial: " + r.failures().size() + " not restored (listed above)"
                        + (mode.live() ? "" : "; after repairing, --resume writes what is missing"));
                return ExitCode.PARTIAL.code();
            }
            if (message != null && r.messages() == 0 && r.skipped() == 0) {
                throw new UserError(ExitCode.FAILURE, "no message with base " + message + " in the selection");
            }
        }
        return 0;
    }

    /**
     * A snapshot's exact copy must not land inside the live store it was taken of: only --merge and --as-folder,
     * which deliver as Dovecot does and never replace a file, write there.
     */
    private void refuseTheLiveStore(Snapshot snap) throws java.io.IOException {
        if (!merge && asFolder == null && LiveStore.contains(snap.store(), target)) {
            throw new UserError(ExitCode.USAGE, "--target " + target + " is inside the live store " + snap.store()
                    + " this snapshot was taken of: restore elsewhere, or use --merge to add missing messages (or"
                    + " --as-folder to put them in a new folder)");
        }
    }
}
