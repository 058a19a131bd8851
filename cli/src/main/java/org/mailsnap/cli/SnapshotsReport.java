package org.mailsnap.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.mailsnap.catalog.SnapshotSummary;

/** The two renderings of the snapshot list: a table, or one JSON object {@code {"snapshots": [...]}}. */
final class SnapshotsReport {
    private SnapshotsReport() {}

    static Map<String, Object> json(List<SnapshotSummary> all) {
        List<Object> rows = new ArrayList<>();
        for (SnapshotSummary s : all) {
            Map<String, Object> o = new LinkedHashMap<>();
            o.put("id", s.id());
            o.put("time", s.time().toString());
            o.put("host", s.host());
            o.put("store", s.storeKey());
            o.put("messages", s.messageCount());
            rows.add(o);
        }
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("snapshots", rows);
        return o;
    }

    static void text(List<SnapshotSummary> all, PrintWriter out) {
        out.printf("%-12s  %-19s  %10s  %s%n", "ID", "TIME", "MESSAGES", "HOST:STORE");
        for (SnapshotSummary s : all) {
            out.printf(
                    "%-12s  %-19s  %10d  %s%n",
                    s.id().shortId(), SnapshotsCommand.TIME.format(s.time()), s.messageCount(), s.storeKey());
        }
        out.printf("%d snapshots%n", all.size());
    }
}
