package org.mailsnap.cli;

import java.io.PrintWriter;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.mailsnap.diff.Change;
import org.mailsnap.diff.DiffTotals;
import org.mailsnap.diff.MessageState;
import org.mailsnap.model.SnapshotId;

/**
 * {@code diff --json}: one object on one line, written as the changes come so memory does not hold them (schema in
 * README): {@code {"snapshot1", "snapshot2", "changes": [...], "added", "expunged", "moved", "flagsChanged"}}.
 */
final class DiffJson implements DiffPrinter {
    private final PrintWriter out;
    private boolean first = true;

    DiffJson(PrintWriter out, SnapshotId snapshot1, SnapshotId snapshot2) {
        this.out = out;
        out.print("{" + Json.string("snapshot1") + ":" + Json.string(snapshot1.hex()) + "," + Json.string("snapshot2")
                + ":" + Json.string(snapshot2.hex()) + "," + Json.string("changes") + ":[");
    }

    @Override
    public void change(Change c) {
        Map<String, Object> o = new LinkedHashMap<>();
        o.put(
                "kind",
                switch (c.kind()) {
                    case ADDED -> "added";
                    case EXPUNGED -> "expunged";
                    case MOVED -> "moved";
                    case FLAGS_CHANGED -> "flagsChanged";
                });
        o.put("mailbox", c.mailbox());
        o.put("guid", c.guid());
        o.put(
                "date",
                c.info() == null || c.info().date() == null
                        ? null
                        : c.info().date().toString());
        o.put("from", c.info() == null ? null : c.info().from());
        o.put("subject", c.info() == null ? null : c.info().subject());
        o.put("before", state(c.before()));
        o.put("after", state(c.after()));
        out.print((first ? "" : ",") + Json.object(o));
        first = false;
    }

    /** Where and how the message was: the same fields as an {@code ls --json} placement. */
    static Map<String, Object> state(MessageState s) {
        if (s == null) {
            return null;
        }
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("folder", s.folder().isEmpty() ? "INBOX" : s.folder());
        o.put("name", s.placement().name());
        o.put("dir", s.placement().inCur() ? "cur" : "new");
        o.put("flags", s.flags());
        o.put("mtime", Instant.EPOCH.plusNanos(s.placement().mtimeNanos()).toString());
        o.put("size", s.placement().content().size());
        return o;
    }

    @Override
    public void end(DiffTotals t) {
        out.println("]," + Json.string("added") + ":" + t.added() + "," + Json.string("expunged") + ":" + t.expunged()
                + "," + Json.string("moved") + ":" + t.moved() + "," + Json.string("flagsChanged") + ":"
                + t.flagsChanged() + "}");
    }
}
