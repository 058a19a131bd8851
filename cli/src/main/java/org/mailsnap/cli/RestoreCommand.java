package org.mailsnap.cli;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.mailsnap.catalog.CatalogReader;
import org.mailsnap.catalog.SnapshotSummary;
import org.mailsnap.check.DamageMarks;
import org.mailsnap.history.SnapshotHistory;
import org.mailsnap.model.NameBytes;
import org.mailsnap.restore.DeletedMail;
import org.mailsnap.restore.LedgerSnapshot;
import org.mailsnap.restore.LiveStore;
import org.mailsnap.restore.RestoreMode;
import org.mailsnap.restore.RestoreProgress;
import org.mailsnap.restore.RestoreRequest;
import org.mailsnap.restore.RestoreResult;
import org.mailsnap.restore.Restorer;
import org.mailsnap.snapshot.BlobSource;
import org.mailsnap.snapshot.Snapshot;
import org.mailsnap.walk.SnapshotWalker;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(
        name = "restore",
        description = {
            "Restore a mailbox, a folder or one message as a snapshot holds it.",
            "Into an empty directory: the exact files, names (flags), mtimes, uidlist and keywords of that moment.",
            "With --merge into a live mailbox: only messages the mailbox has nowhere now (by base or Dovecot GUID),",
            "delivered the Maildir way (tmp/, fsync, then into cur/ or new/); the live dovecot-uidlist is never touched.",
            "With --as-folder NAME: the snapshot's folders under a new, subscribed folder of the live mailbox at TARGET,",
            "for the user to take back what they want; no other folder is touched.",
            "A restore never follows a symbolic link below TARGET: a folder reached through one is named and skipped.",
            "A file whose content the repository cannot give back is named, the rest is restored (exit 3);",
            "--resume then finishes an interrupted or partial restore into the same TARGET.",
            "With --deleted-since TIME: the messages that left their folders since TIME, kept by 'forget "
                    + "--keep-deleted-within', merged back into their folders (TARGET is the mailbox with --mailbox, "
                    + "else the store root). --message also finds a message there when the snapshot lacks it."
        },
        footer = {
            "",
            "Examples:",
            "  mailsnap restore --at \"yesterday 10:00\" --mailbox example.org/anne --target /tmp/anne",
            "  mailsnap restore --at 2d --mailbox example.org/anne --target /var/vmail/example.org/anne --merge",
            "  mailsnap restore --at \"2026-12-01 10:00\" -m example.org/anne --target /var/vmail/example.org/anne \\",
            "        --as-folder \"Restored/2026-12-01 10:00\"",
            "  mailsnap restore --snapshot 3f2a9c1b -m example.org/anne -f .Sent --message 1700000000.M1P1.mx1 \\",
            "        --target /tmp/one",
            "  mailsnap restore -s latest --deleted-since 7d -m example.org/anne \\",
            "        --target /var/vmail/example.org/anne"
        })
final class RestoreCommand implements Callable<Integer> {
    private final Environment env;

    @Mixin
    RepositoryAccessOptions repository;

    @Mixin
    CatalogOptions catalog;

    @Mixin
    SnapshotChoice snapshot;

    @Mixin
    ProgressOptions progressOptions;

    @Option(
            names = {"-m", "--mailbox"},
            paramLabel = "MAILBOX",
            description = "The mailbox, as named in the snapshot (see 'ls'); without it every mailbox is restored "
                    + "under TARGET/<mailbox>.")
    String mailbox;

    @Option(
            names = {"-f", "--folder"},
            paramLabel = "FOLDER",
            description = "Only this folder ('INBOX', '.Sent').")
    String folder;

    @Option(names = "--message", paramLabel = "BASE", description = "Only the message with this base name or GUID.")
    String message;

    @Option(
            names = {"-t", "--target"},
            paramLabel = "DIR",
            required = true,
            description = "An empty (or new) directory; with --merge, the live mailbox root.")
    Path target;

    @Option(names = "--merge", description = "Add only what the live mailbox at TARGET lacks.")
    boolean merge;

    @Option(
            names = "--as-folder",
            paramLabel = "NAME",
            description =
                    "Write the snapshot's folders under this new"
                            + " folder of the live mailbox at TARGET, levels separated by '/' (e.g. 'Restored/2026-12-01 10:00').")
    String asFolder;

    @Option(
            names = "--deleted-since",
            paramLabel = "TIME",
            description =
                    "Merge back every message deleted since"
                            + " TIME (e.g. 7d, 2026-12-01) that the deleted-mail ledger keeps ('forget --keep-deleted-within').")
    String deletedSince;

    @Option(
            names = "--resume",
            description = "Finish a restore into TARGET that was interrupted or partial: files "
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
        if (deletedSince != null) {
            return restoreDeleted();
        }
        if (merge && asFolder != null) {
            throw new UserError(ExitCode.USAGE, "--merge and --as-folder exclude each other");
        }
        if ((merge || asFolder != null) && mailbox == null) {
            throw new UserError(ExitCode.USAGE, (merge ? "--merge" : "--as-folder") + " needs --mailbox");
        }
        if (resume && (merge || asFolder != null)) {
            throw new UserError(
                    ExitCode.USAGE,
                    "--resume is for a restore into its own directory; --merge and"
                            + " --as-folder already skip what is written");
        }
        RestoreMode mode = merge
                ? RestoreMode.MERGE
                : asFolder != null ? RestoreMode.AS_FOLDER : resume ? RestoreMode.RESUME : RestoreMode.EMPTY_TARGET;
        RestoreRequest request;
        try {
            request = new RestoreRequest(
                    mailbox,
                    folder == null ? null : (folder.equalsIgnoreCase("INBOX") ? "" : folder),
                    message,
                    target,
                    mode,
                    asFolder);
        } catch (IllegalArgumentException e) {
            throw new UserError(ExitCode.USAGE, e.getMessage());
        }
        try (Session session = Session.open(env, repository, catalog)) {
            SnapshotHistory history = session.history();
            SnapshotSummary summary = snapshot.resolve(history, env.clock());
            Snapshot snap = history.open(summary);
            refuseTheLiveStore(snap);
            var blobs = session.blobs().inStoredOrder();
            if (message != null && !new SnapshotWalker(blobs::get, snap.separator()).holds(snap, request.selection())) {
                LedgerSnapshot deleted = DeletedMail.of(session.repository, blobs::get, snap.storeKey(), request, null);
                if (deleted != null && deleted.messages() > 0) {
                    env.err()
                            .println("mailsnap: note: snapshot " + summary.id().shortId() + " does not hold " + message
                                    + "; restoring it from the deleted-mail ledger");
                    return restore(session, summary, deleted.snapshot(), deleted.blobs(), List.of(request));
                }
            }
            return restore(session, summary, snap, BlobSource.of(blobs), List.of(request));
        }
    }

    /** {@code --deleted-since}: the ledger's entries since then, merged into each mailbox they left. */
    private int restoreDeleted() throws Exception {
        if (asFolder != null || resume || message != null) {
            throw new UserError(
                    ExitCode.USAGE,
                    "--deleted-since merges deleted mail back; it takes no --as-folder," + " --resume or --message");
        }
        if (json && mailbox == null) {
            throw new UserError(ExitCode.USAGE, "--deleted-since --json prints one mailbox's restore: give --mailbox");
        }
        Instant since;
        try {
            since = TimeExpressions.parseStart(deletedSince, env.clock());
        } catch (IllegalArgumentException e) {
            throw new UserError(ExitCode.USAGE, e.getMessage());
        }
        String shownFolder = folder == null ? null : folder.equalsIgnoreCase("INBOX") ? "" : folder;
        try (Session session = Session.open(env, repository, catalog)) {
            SnapshotHistory history = session.history();
            SnapshotSummary summary = snapshot.resolve(history, env.clock());
            Snapshot snap = history.open(summary);
            var blobs = session.blobs().inStoredOrder();
            LedgerSnapshot deleted = DeletedMail.of(
                    session.repository,
                    blobs::get,
                    snap.storeKey(),
                    new RestoreRequest(mailbox, shownFolder, null, target, RestoreMode.EMPTY_TARGET),
                    since);
            if (deleted == null || deleted.messages() == 0) {
                throw new UserError(
                        ExitCode.FAILURE,
                        "no deleted mail since " + since + " in the deleted-mail ledger"
                                + " of " + snap.storeKey()
                                + (deleted == null
                                        ? " (it has none: 'forget" + " --keep-deleted-within' keeps one)"
                                        : ""));
            }
            List<RestoreRequest> requests = new ArrayList<>();
            for (String m : mailbox != null ? List.of(mailbox) : deleted.mailboxes()) {
                requests.add(new RestoreRequest(
                        m, shownFolder, null, mailbox != null ? target : target.resolve(m), RestoreMode.MERGE));
            }
            return restore(session, summary, deleted.snapshot(), deleted.blobs(), requests);
        }
    }

    /** Runs each request on {@code snap}, reports the results, and returns the exit code. */
    private int restore(
            Session session, SnapshotSummary summary, Snapshot snap, BlobSource blobs, List<RestoreRequest> requests)
            throws Exception {
        int code = 0;
        for (RestoreRequest request : requests) {
            code = Math.max(code, restoreOne(session, summary, snap, blobs, request));
        }
        return code;
    }

    private int restoreOne(
            Session session, SnapshotSummary summary, Snapshot snap, BlobSource blobs, RestoreRequest request)
            throws Exception {
        RestoreMode mode = request.mode();
        int n = threads != null ? threads : 2 * Runtime.getRuntime().availableProcessors();
        RestoreProgress progress = new RestoreProgress();
        RestoreResult r;
        try (ProgressTicker ticker = ProgressTicker.start(
                env,
                progressOptions,
                seconds -> ProgressLines.restore(progress, seconds),
                seconds -> ProgressEvents.restore(progress, seconds))) {
            r = new Restorer(DamageMarks.marking(blobs, session.catalog), n)
                    .withMessageIndex((mailbox, guid) -> {
                        try (CatalogReader reader = session.catalog.read()) {
                            return reader.message(mailbox, guid);
                        }
                    })
                    .restore(snap, request, progress);
        }
        RestoreReport report = new RestoreReport(summary, request.target(), mode, r);
        if (json) {
            env.out().println(Json.object(session.json(report.json())));
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
            env.err()
                    .println("mailsnap: restore partial: " + r.failures().size() + " not restored (listed above)"
                            + (mode.live() ? "" : "; after repairing, --resume writes what is missing"));
            return ExitCode.PARTIAL.code();
        }
        if (message != null && r.messages() == 0 && r.skipped() == 0) {
            throw new UserError(ExitCode.FAILURE, "no message with base " + message + " in the selection");
        }
        return 0;
    }

    /**
     * A snapshot's exact copy must not land inside the live store it was taken of: only --merge and --as-folder,
     * which deliver as Dovecot does and never replace a file, write there.
     */
    private void refuseTheLiveStore(Snapshot snap) throws java.io.IOException {
        if (!merge && asFolder == null && LiveStore.contains(snap.store(), target)) {
            throw new UserError(
                    ExitCode.USAGE,
                    "--target " + target + " is inside the live store " + snap.store()
                            + " this snapshot was taken of: restore elsewhere, or use --merge to add missing messages (or"
                            + " --as-folder to put them in a new folder)");
        }
    }
}
