package org.mailsnap.cli;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.mailsnap.model.Placement;
import org.mailsnap.snapshot.FolderEntry;

/** {@code ls --json}: one object (schema in README). */
final class LsJson {
    private LsJson() {}

    static Map<String, Object> of(LsReport report) {
        List<Object> rows = new ArrayList<>();
        for (FolderEntry f : report.folders()) {
            Map<String, Object> o = new LinkedHashMap<>();
            o.put("mailbox", f.key().mailbox());
            o.put("folder", LsReport.folderName(f));
            o.put("messages", f.messages());
            o.put("bytes", f.bytes());
            if (report.messages() != null) {
                List<Object> messages = new ArrayList<>();
                for (LsReport.Message m : report.messages().getOrDefault(f, List.of())) {
                    messages.add(message(m));
                }
                o.put("placements", messages);
            }
            rows.add(o);
        }
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("snapshot", report.snapshot().id());
        o.put("time", report.snapshot().time().toString());
        o.put("folders", rows);
        return o;
    }

    private static Map<String, Object> message(LsReport.Message m) {
        Placement p = m.placement();
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("name", p.name());
        if (!p.guid().isEmpty()) {
            o.put("guid", p.guid());
        }
        o.put("dir", p.inCur() ? "cur" : "new");
        o.put("mtime", Instant.EPOCH.plusNanos(p.mtimeNanos()).toString());
        o.put("size", p.content().size());
        o.put("flags", m.flags());
        o.put(
                "date",
                m.info() == null || m.info().date() == null
                        ? null
                        : m.info().date().toString());
        o.put("from", m.info() == null ? null : m.info().from());
        o.put("subject", m.info() == null ? null : m.info().subject());
        return o;
    }
}
