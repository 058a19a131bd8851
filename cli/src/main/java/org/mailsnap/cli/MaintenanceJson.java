package org.mailsnap.cli;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.mailsnap.check.IndexRepair;
import org.mailsnap.model.ObjectId;
import org.mailsnap.model.PackId;
import org.mailsnap.recovery.RebuildResult;
import org.mailsnap.repository.LockInfo;

/** {@code --json} objects of the maintenance commands {@code repair}, {@code unlock} and {@code catalog rebuild}. */
final class MaintenanceJson {
    private MaintenanceJson() {}

    static Map<String, Object> repair(IndexRepair.Result r) {
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("indexedAnew", r.indexedAnew().stream().map(PackId::hex).toList());
        o.put("replaced", r.replaced().stream().map(ObjectId::hex).toList());
        o.put("written", r.written().stream().map(ObjectId::hex).toList());
        o.put("unreadablePacks", CheckReportPrinter.findings(r.unreadablePacks()));
        o.put("intact", r.after().clean() && r.unreadablePacks().isEmpty());
        o.put("after", CheckReportPrinter.object(r.after()));
        return o;
    }

    static Map<String, Object> unlock(List<LockInfo> removed, List<LockInfo> kept, Instant now) {
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("removed", removed.stream().map(l -> lock(l, now)).toList());
        o.put("kept", kept.stream().map(l -> lock(l, now)).toList());
        return o;
    }

    private static Map<String, Object> lock(LockInfo l, Instant now) {
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("id", l.id());
        o.put("exclusive", l.exclusive());
        o.put("host", l.host());
        o.put("pid", l.pid());
        o.put("created", l.created().toString());
        o.put("stale", l.stale());
        o.put("description", l.describe(now));
        return o;
    }

    static Map<String, Object> rebuild(String catalog, RebuildResult r, long headersUnreadable) {
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("catalog", catalog);
        o.put("stores", r.stores());
        o.put("snapshots", r.snapshots());
        o.put("folders", r.folders());
        o.put("placements", r.placements());
        o.put("messages", r.messages());
        o.put("gone", r.gone());
        o.put("blobsIndexed", r.blobsIndexed());
        o.put("durationMillis", r.durationNanos() / 1_000_000);
        o.put(
                "damagedSnapshots",
                r.damagedSnapshots().stream().map(d -> d.describe()).toList());
        o.put("headersUnreadable", headersUnreadable);
        o.put("blobsInMissingPacks", r.blobsInMissingPacks());
        return o;
    }
}
