package org.mailsnap.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.mailsnap.check.AffectedMessage;
import org.mailsnap.check.AffectedSnapshot;
import org.mailsnap.check.CheckResult;
import org.mailsnap.check.Finding;

/** Renders a check result as text (for people) or JSON (for monitoring). */
final class CheckReportPrinter {
    private CheckReportPrinter() {}

    static void text(CheckResult r, PrintWriter out) {
        CheckResult.Stats s = r.stats();
        out.printf(
                "checked %d snapshots, %d index files, %d packs holding %d blobs; %d tree and %d manifest chunks"
                        + " decoded%s%n",
                s.snapshots(),
                s.indexFiles(),
                s.packs(),
                s.blobs(),
                s.treeChunks(),
                s.manifestChunks(),
                s.packsRead() > 0
                        ? "; " + s.packsRead() + " packs read whole, " + s.blobsRead() + " blobs verified"
                        : "");
        if (!r.leftovers().isEmpty()) {
            out.println("leftovers of interrupted runs (not damage):");
            r.leftovers().forEach(f -> out.println("  " + f));
        }
        if (!r.damage().isEmpty()) {
            out.println("damage:");
            r.damage().forEach(f -> out.println("  " + f));
        }
        if (!r.snapshots().isEmpty()) {
            out.println("snapshots that cannot be restored completely:");
            for (AffectedSnapshot a : r.snapshots()) {
                out.printf(
                        "  %s  %s  %s  %d messages%n",
                        a.id().shortId(),
                        a.time() == null ? "-" : SnapshotsCommand.TIME.format(a.time()),
                        a.storeKey() == null ? "-" : a.storeKey(),
                        a.messages());
                a.problems().forEach(p -> out.println("    " + p));
            }
        }
        if (!r.messages().isEmpty()) {
            out.printf(
                    "messages that cannot be restored from some snapshot (%d):%n",
                    r.messages().size());
            for (AffectedMessage m : r.messages()) {
                out.printf(
                        "  %s  in %d snapshot%s (%s .. %s)%n",
                        m.describe(),
                        m.snapshots(),
                        m.snapshots() == 1 ? "" : "s",
                        m.firstSnapshot().shortId(),
                        m.lastSnapshot().shortId());
                m.problems().forEach(p -> out.println("    " + p));
            }
        }
        out.println(r.clean() ? "no damage found" : r.damage().size() + " problem(s) found");
    }

    static void json(CheckResult r, PrintWriter out) {
        out.println(Json.value(object(r)));
    }

    /** {@code check --json}'s object; {@code repair --json} holds one for the check after it. */
    static Map<String, Object> object(CheckResult r) {
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("clean", r.clean());
        CheckResult.Stats s = r.stats();
        Map<String, Object> stats = new LinkedHashMap<>();
        stats.put("snapshots", s.snapshots());
        stats.put("indexFiles", s.indexFiles());
        stats.put("packs", s.packs());
        stats.put("blobs", s.blobs());
        stats.put("packsRead", s.packsRead());
        stats.put("blobsRead", s.blobsRead());
        o.put("stats", stats);
        o.put("damage", findings(r.damage()));
        o.put("leftovers", findings(r.leftovers()));
        List<Object> snapshots = new ArrayList<>();
        for (AffectedSnapshot a : r.snapshots()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", a.id());
            m.put("time", a.time() == null ? null : a.time().toString());
            m.put("store", a.storeKey());
            m.put("messages", a.messages());
            m.put("problems", a.problems());
            snapshots.add(m);
        }
        o.put("snapshots", snapshots);
        List<Object> messages = new ArrayList<>();
        for (AffectedMessage a : r.messages()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("mailbox", a.mailbox());
            m.put("folder", a.folder());
            m.put("file", a.fileName());
            m.put("subject", a.subject());
            m.put("messageId", a.messageId());
            m.put("snapshots", a.snapshots());
            m.put("firstSnapshot", a.firstSnapshot());
            m.put("lastSnapshot", a.lastSnapshot());
            m.put("problems", a.problems());
            messages.add(m);
        }
        o.put("messages", messages);
        return o;
    }

    static List<Object> findings(List<Finding> findings) {
        List<Object> list = new ArrayList<>();
        for (Finding f : findings) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("object", f.object());
            m.put("problem", f.problem());
            list.add(m);
        }
        return list;
    }
}
