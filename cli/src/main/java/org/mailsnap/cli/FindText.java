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
 * 1 found
 * </pre>
 * Keywords are named as the folder's {@code dovecot-keywords} named them in the last snapshot holding the message;
 * {@code keyword-a (name unknown)} when it did not.
 */
final class FindText {
    private FindText() {}

    static void print(List<FindHit> hits, int limit, PrintWriter out) {
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
                    label(hit.lastSnapshot()),
                    hit.present() ? " (still present)" : "");
        }
        out.printf("%d found%s%n", hits.size(), hits.size() == limit ? " (limit reached)" : "");
    }

    private static String label(SnapshotSummary s) {
        return s == null ? "?" : s.id().substring(0, 12) + " (" + SnapshotsCommand.TIME.format(s.time()) + ")";
    }
}
