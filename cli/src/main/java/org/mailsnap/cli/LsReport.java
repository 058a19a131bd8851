package org.mailsnap.cli;

import java.io.PrintWriter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.mailsnap.catalog.SnapshotSummary;
import org.mailsnap.model.NameBytes;
import org.mailsnap.model.Placement;
import org.mailsnap.snapshot.FolderEntry;

/**
 * What {@code ls} found, and its two renderings. {@code placements} is null when only folders were asked for, else
 * holds each listed folder's messages.
 */
record LsReport(SnapshotSummary snapshot, List<FolderEntry> folders, Map<FolderEntry, List<Placement>> placements) {

    static String folderName(FolderEntry f) {
        return f.key().folder().isEmpty() ? "INBOX" : NameBytes.printable(f.key().folder());
    }

    Map<String, Object> json() {
        List<Object> rows = new ArrayList<>();
        for (FolderEntry f : folders) {
            Map<String, Object> o = new LinkedHashMap<>();
            o.put("mailbox", f.key().mailbox());
            o.put("folder", folderName(f));
            o.put("messages", f.messages());
            o.put("bytes", f.bytes());
            if (placements != null) {
                List<Object> messages = new ArrayList<>();
                for (Placement p : placements.getOrDefault(f, List.of())) {
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put("name", p.name());
                    if (!p.guid().isEmpty()) {
                        m.put("guid", p.guid());
                    }
                    m.put("dir", p.inCur() ? "cur" : "new");
                    m.put("mtime", Instant.EPOCH.plusNanos(p.mtimeNanos()).toString());
                    m.put("size", p.content().size());
                    messages.add(m);
                }
                o.put("placements", messages);
            }
            rows.add(o);
        }
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("snapshot", snapshot.id());
        o.put("time", snapshot.time().toString());
        o.put("folders", rows);
        return o;
    }

    void text(PrintWriter out) {
        if (placements == null) {
            out.printf("%-40s %-24s %9s %12s%n", "MAILBOX", "FOLDER", "MESSAGES", "SIZE");
            for (FolderEntry f : folders) {
                out.printf("%-40s %-24s %9d %12s%n", NameBytes.printable(f.key().mailbox()), folderName(f), f.messages(),
                        Units.bytes(f.bytes()));
            }
            return;
        }
        for (FolderEntry f : folders) {
            out.println(NameBytes.printable(f.key().mailbox()) + " " + folderName(f) + ":");
            for (Placement p : placements.getOrDefault(f, List.of())) {
                out.printf("  %s %-19s %10d  %s%s%n", p.inCur() ? "cur" : "new",
                        SnapshotsCommand.TIME.format(Instant.EPOCH.plusNanos(p.mtimeNanos())), p.content().size(),
                        NameBytes.printable(p.name()), p.guid().isEmpty() ? "" : "  guid " + NameBytes.printable(p.guid()));
            }
        }
    }
}
