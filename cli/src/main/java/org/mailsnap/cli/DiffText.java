package org.mailsnap.cli;

import java.io.PrintWriter;
import org.mailsnap.diff.Change;
import org.mailsnap.diff.DiffTotals;
import org.mailsnap.diff.MessageState;
import org.mailsnap.model.NameBytes;

/**
 * {@code diff} as text: per mailbox, one line per changed message, mail first, then the totals.
 *
 * <pre>
 * example.org/anne
 *   + INBOX: 2026-11-24 10:00  Bob &lt;bob@example.net&gt;   Quarterly figures   new
 *   - .Sent: …
 *   &gt; INBOX -&gt; .Archive: …                                             seen
 *   ~ INBOX: …                                                          seen -&gt; answered, seen
 * 1 added, 1 expunged, 1 moved, 1 flags changed
 * </pre>
 * With {@code long}, each line ends with the file: its name, or {@code old -> new} for a flag change, and for a
 * move under a new base {@code (was OLD, same GUID)}.
 */
final class DiffText implements DiffPrinter {
    private final PrintWriter out;
    private final boolean withFiles;
    private String mailbox;

    DiffText(PrintWriter out, boolean withFiles) {
        this.out = out;
        this.withFiles = withFiles;
    }

    @Override
    public void change(Change c) {
        if (!c.mailbox().equals(mailbox)) {
            mailbox = c.mailbox();
            out.println(mailbox.isEmpty() ? "(store root)" : NameBytes.printable(mailbox));
        }
        MessageState latest = c.latest();
        String flags = MailText.flags(latest.flags(), latest.placement().inCur());
        String line = switch (c.kind()) {
            case ADDED -> "  + " + folder(c.after()) + ": ";
            case EXPUNGED -> "  - " + folder(c.before()) + ": ";
            case MOVED -> "  > " + folder(c.before()) + " -> " + folder(c.after()) + ": ";
            case FLAGS_CHANGED -> "  ~ " + folder(c.after()) + ": ";
        };
        if (c.kind() == Change.Kind.FLAGS_CHANGED) {
            flags = MailText.flags(c.before().flags(), c.before().placement().inCur()) + " -> " + flags;
        }
        line += MailText.line(c.info(), latest.placement().mtimeNanos(), flags);
        if (withFiles) {
            line += "  " + file(c);
        }
        out.println(NameBytes.printable(line));
    }

    private static String file(Change c) {
        return switch (c.kind()) {
            case ADDED -> path(c.after());
            case EXPUNGED -> path(c.before());
            case MOVED ->
                path(c.after())
                        + (c.before().base().equals(c.after().base())
                                ? ""
                                : " (was " + c.before().placement().name() + ", same GUID)");
            case FLAGS_CHANGED -> path(c.before()) + " -> " + path(c.after());
        };
    }

    private static String path(MessageState s) {
        return (s.placement().inCur() ? "cur/" : "new/") + s.placement().name();
    }

    private static String folder(MessageState s) {
        return s.folder().isEmpty() ? "INBOX" : s.folder();
    }

    @Override
    public void end(DiffTotals t) {
        out.printf(
                "%d added, %d expunged, %d moved, %d flags changed%n",
                t.added(), t.expunged(), t.moved(), t.flagsChanged());
    }
}
