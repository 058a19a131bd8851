package org.mailsnap.cli;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import org.mailsnap.backup.BackupProblem;
import org.mailsnap.backup.BackupProgress;
import org.mailsnap.backup.BackupResult;
import org.mailsnap.model.NameBytes;
import org.mailsnap.snapshot.SnapshotStats;

/**
 * The renderings of a backup's result: lines for a person or one JSON object for a script (schema in README) on
 * stdout, and its problems as warnings on stderr whichever of the two is chosen.
 */
final class BackupReport {
    private BackupReport() {}

    static Map<String, Object> json(BackupResult r) {
        SnapshotStats s = r.snapshot().stats();
        BackupProgress p = r.progress();
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("snapshot", r.snapshotId());
        o.put("time", r.snapshot().time().toString());
        o.put("mailboxes", s.mailboxes());
        o.put("folders", s.folders());
        o.put("messages", s.messages());
        o.put("bytes", s.bytes());
        o.put("foldersListed", p.foldersListed.get());
        o.put("newMessages", p.messagesRead.get());
        o.put("bytesRead", p.bytesRead.get());
        o.put("renamed", p.renamed.get());
        o.put("movedIn", p.movedIn.get());
        o.put("gone", p.gone.get());
        o.put("vanished", p.vanished.get());
        o.put("recaptured", p.recaptured.get());
        o.put("unreadable", p.unreadable.get());
        o.put("changedInPlace", p.changedInPlace.get());
        o.put("notFollowed", p.notFollowed.get());
        o.put("shrank", r.shrank());
        o.put("blobsNew", r.blobs().blobsNew());
        o.put("blobsDeduplicated", r.blobs().blobsDeduplicated());
        o.put("storedBytes", r.blobs().bytesStored());
        o.put("lockHoldMaxMillis", s.lockHoldMaxNanos() / 1e6);
        o.put("lockHoldTotalMillis", s.lockHoldTotalNanos() / 1e6);
        o.put("durationMillis", s.durationNanos() / 1e6);
        o.put("partial", r.partial());
        o.put("failedMailboxes", s.failedMailboxes());
        o.put("problems", r.problems().stream().map(BackupProblem::message).toList());
        return o;
    }

    static void text(BackupResult r, PrintWriter out) {
        SnapshotStats s = r.snapshot().stats();
        BackupProgress p = r.progress();
        out.printf("snapshot %s saved%n", r.snapshotId().shortId());
        out.printf(
                "  store:    %d mailboxes, %d folders, %d messages, %s%n",
                s.mailboxes(), s.folders(), s.messages(), Units.bytes(s.bytes()));
        out.printf(
                "  changes:  %d folders listed, %d new messages read (%s), %d renamed, %d moved/copied"
                        + " in, %d gone%n",
                p.foldersListed.get(),
                p.messagesRead.get(),
                Units.bytes(p.bytesRead.get()),
                p.renamed.get(),
                p.movedIn.get(),
                p.gone.get());
        if (p.recaptured.get() > 0 || p.vanished.get() > 0) {
            out.printf(
                    "  live:     %d mailboxes listed again (a listed message moved or was expunged before"
                            + " it was read), %d messages still gone after the last listing%n",
                    p.recaptured.get(), p.vanished.get());
        }
        out.printf(
                "  stored:   %s in %d new blobs (%d deduplicated)%n",
                Units.bytes(r.blobs().bytesStored()),
                r.blobs().blobsNew(),
                r.blobs().blobsDeduplicated());
        out.printf(
                "  lock:     longest hold %.1f ms, total %.1f ms%n",
                s.lockHoldMaxNanos() / 1e6, s.lockHoldTotalNanos() / 1e6);
        out.printf("  duration: %.2f s%n", s.durationNanos() / 1e9);
    }

    /** One warning line per problem, whatever bytes a name holds; then whether the snapshot is partial, and why. */
    static void warnings(BackupResult r, PrintWriter err) {
        for (BackupProblem problem : r.problems()) {
            err.println("mailsnap: warning: " + NameBytes.printable(problem.message()));
        }
        SnapshotStats s = r.snapshot().stats();
        BackupProgress p = r.progress();
        if (s.partial() || p.unreadable.get() > 0 || p.notFollowed.get() > 0) {
            err.println("mailsnap: the snapshot is partial"
                    + (s.failedMailboxes().isEmpty() ? "" : ": " + String.join(", ", s.failedMailboxes())));
        }
    }
}
