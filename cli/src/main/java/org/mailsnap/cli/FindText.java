package org.mailsnap.cli;

import java.io.PrintWriter;
import java.time.Instant;
import java.util.List;
import org.mailsnap.catalog.MessageInfo;
import org.mailsnap.catalog.SnapshotSummary;
import org.mailsnap.model.NameBytes;
import org.mailsnap.recovery.MessageHit;

/**
 * {@code find} as text: per hit, where it was last seen and the message mail first (Date, From, Subject, flags in
 * words), then its GUID (what {@code restore --message} takes) and the snapshots that hold it.
 *
 * <pre>
 * example.org/anne INBOX  2026-11-24 10:00  Bob &lt;bob@example.net&gt;   Quarterly figures   seen
 *     guid: 1700000000.M1P1.host   first in: 3f2a9c1b04d2 (2026-11-24 10:00:05)   last in: … (still present)
 * example.org/anne .Trash  2026-11-20 08:12  Carol &lt;carol@example.com&gt;   Lunch?   seen
 *     guid: 1700000002.M3P1.host   first in: ?   last in: forgotten, kept in the deleted-mail ledger of 9c1e… (…)
 *     gone: after 2026-11-27 10:00:03, by 2026-11-27 11:00:04   restore: mailsnap restore --snapshot 9c1e…
 *           --mailbox example.org/anne --message 1700000002.M3P1.host --target DIR
 * 2 found
 * </pre>
 * Keywords are named as the folder's {@code dovecot-keywords} named them in the last snapshot holding the message;
 * {@code keyword-a (name unknown)} when it did not. A message that went away has a third line: when it was last seen
 * and found gone (to the second), and the {@code restore} command that puts it back (arguments quoted for a POSIX
 * shell, printed in one line).
 */
final class FindText {
    private FindText() {}

    static void print(List<FindHit> hits, boolean limitReached, PrintWriter out) {
        for (FindHit found : hits) {
            MessageHit hit = found.hit();
            MessageInfo m = hit.info();
            String flags = MailText.words(found.flagWords());
            Instant unknownArrival = null; // the index keeps the Date header, not the file's mtime
            out.println(NameBytes.printable(hit.mailbox() + " " + (hit.folder().isEmpty() ? "INBOX" : hit.folder())
                    + "  " + MailText.line(m, unknownArrival, flags)));
            out.printf(
                    "    guid: %s   first in: %s   last in: %s%s%n",
                    NameBytes.printable(hit.guid()),
                    label(hit.firstSnapshot()),
                    hit.ledger() != null
                            ? "forgotten, kept in the deleted-mail ledger of " + label(hit.ledger())
                            : label(hit.lastSnapshot()),
                    hit.present() ? " (still present)" : "");
            if (!hit.present()) {
                List<String> restore = found.restoreArguments();
                out.printf(
                        "    gone: after %s, by %s   %s%n",
                        SnapshotsCommand.TIME.format(m.lastSeen()),
                        SnapshotsCommand.TIME.format(m.goneBy()),
                        restore == null
                                ? "kept by no snapshot"
                                : "restore: mailsnap " + NameBytes.printable(shellWords(restore)) + " --target DIR");
            }
        }
        out.printf("%d found%s%n", hits.size(), limitReached ? " (limit reached)" : "");
    }

    /** The arguments as a POSIX shell reads them back: single-quoted where a character would mean something. */
    static String shellWords(List<String> arguments) {
        StringBuilder sb = new StringBuilder();
        for (String a : arguments) {
            if (sb.length() > 0) {
                sb.append(' ');
            }
            sb.append(!a.isEmpty() && a.matches("[A-Za-z0-9._/:@%+=,-]+") ? a : "'" + a.replace("'", "'\\''") + "'");
        }
        return sb.toString();
    }

    private static String label(SnapshotSummary s) {
        return s == null ? "?" : s.id().shortId() + " (" + SnapshotsCommand.TIME.format(s.time()) + ")";
    }
}
