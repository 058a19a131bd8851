package org.mailsnap.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.mailsnap.catalog.SnapshotSummary;
import org.mailsnap.history.SnapshotHistory;
import org.mailsnap.restore.LiveStore;
import org.mailsnap.restore.RestoreMode;
import org.mailsnap.restore.RestoreRequest;
import org.mailsnap.restore.RestoreResult;
import org.mailsnap.restore.Restorer;
import org.mailsnap.snapshot.Snapshot;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "restore", description = {"Restore a mailbox, a folder or one message as a snapshot holds it.",
        "Into an empty directory: the exact files, names (flags), mtimes, uidlist and keywords of that moment.",
        "With --merge into a live mailbox: only messages whose base is nowhere in the mailbox now, delivered the",
        "Maildir way (tmp/, fsync, then into cur/ or new/); the live dovecot-uidlist is never touched.",
        "A restore never follows a symbolic link below TARGET: a folder reached through one is named and skipped.",
        "A file whose content the repository cannot give back is named, the rest is restored (exit 3);",
        "--resume then finishes an interrupted or partial restore into the same TARGET."})
final class RestoreCommand implements Callable<Integer> {
    private final Environment env;

    @Mixin RepositoryOptions repository;
    @Mixin CatalogOptions catalog;
    @Mixin SnapshotChoice snapshot;

    @Option(names = {"-m", "--mailbox"}, paramLabel = "MAILBOX",
            description = "The mailbox, as named in the snapshot (see 'ls'); without it every mailbox is restored "
                    + "under TARGET/<mailbox>.")
    String mailbox;

    @Option(names = {"-f", "--folder"}, paramLabel = "FOLDER", description = "Only this folder ('INBOX', '.Sent').")
    String folder;

    @Option(names = "--message", paramLabel = "BASE", description = "Only the message with this base name.")
    String message;

    @Option(names = {"-t", "--target"}, paramLabel = "DIR", required = true,
            description = "An empty (or new) directory; with --merge, the live mailbox root.")
    Path target;

    @Option(names = "--merge", description = "Add only what the live mailbox at TARGET lacks.")
    boolean merge;

    @Option(names = "--resume", description = "Finish a restore into TARGET that was interrupted or partial: files "
            + "already complete (same name and size) are kept, the rest is written.")
    boolean resume;

    @Option(names = "--threads", paramLabel = "N", description = "Writer threads (default: 2 × cores).")
    Integer threads;

    RestoreCommand(Environment env) {
        this.env = env;
    }

    @Override
    public Integer call() throws Exception {
        if (merge && mailbox == null) {
            throw new UserError(ExitCode.USAGE, "--merge needs --mailbox");
        }
        if (merge && resume) {
            throw new UserError(ExitCode.USAGE, "--resume is for a restore into its own directory; --merge already "
                    + "skips every message the mailbox has");
        }
        String wantedFolder = folder == null ? null : (folder.equalsIgnoreCase("INBOX") ? "" : folder);
        try (Session session = Session.open(env, repository, catalog)) {
            SnapshotHistory history = session.history();
            SnapshotSummary summary = snapshot.resolve(history);
            Snapshot snap = history.open(summary);
            refuseTheLiveStore(snap);
            var blobs = session.blobs();
            int n = threads != null ? threads : 2 * Runtime.getRuntime().availableProcessors();
            RestoreMode mode = merge ? RestoreMode.MERGE : resume ? RestoreMode.RESUME : RestoreMode.EMPTY_TARGET;
            RestoreResult r = new Restorer(blobs::get, n).restore(snap, new RestoreRequest(
                    mailbox, wantedFolder, message, target, mode));
            env.out().printf("restored from snapshot %s (%s): %d messages (%s) in %d folders, %d control files%s%n",
                    summary.id().substring(0, 12), SnapshotsCommand.TIME.format(summary.time()), r.messages(),
                    Units.bytes(r.bytes()), r.folders(), r.controlFiles(),
                    merge ? ", " + r.skipped() + " already present and skipped"
                            : resume ? ", " + r.skipped() + " already complete" : "");
            for (String note : r.notes()) {
                env.err().println("mailsnap: note: " + note);
            }
            for (String failure : r.failures()) {
                env.err().println("mailsnap: not restored: " + failure);
            }
            if (r.partial()) {
                env.err().println("mailsnap: restore partial: " + r.failures().size() + " not restored (listed above)"
                        + (merge ? "" : "; after repairing, --resume writes what is missing"));
                return ExitCode.PARTIAL.code();
            }
            if (message != null && r.messages() == 0 && r.skipped() == 0) {
                throw new UserError(ExitCode.FAILURE, "no message with base " + message + " in the selection");
            }
        }
        return 0;
    }

    /**
     * A snapshot's exact copy must not land inside the live store it was taken of: only --merge writes there.
     * (A later --as-folder, restoring into a new folder of a live mailbox, belongs with --merge here.)
     */
    private void refuseTheLiveStore(Snapshot snap) throws java.io.IOException {
        if (!merge && LiveStore.contains(snap.store(), target)) {
            throw new UserError(ExitCode.USAGE, "--target " + target + " is inside the live store " + snap.store()
                    + " this snapshot was taken of: restore elsewhere, or use --merge to add missing messages");
        }
    }
}
