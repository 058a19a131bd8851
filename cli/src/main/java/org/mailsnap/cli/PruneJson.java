package org.mailsnap.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import org.mailsnap.prune.PruneResult;

/** {@code prune --json} (and the {@code prune} part of {@code forget --prune --json}): keys as in the README. */
final class PruneJson {
    private PruneJson() {}

    static Map<String, Object> of(PruneResult r) {
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("dryRun", r.dryRun());
        o.put("changed", r.changed());
        o.put("snapshots", r.snapshots());
        o.put("liveBlobs", r.liveBlobs());
        o.put("liveSetBytes", r.liveSetBytes());
        o.put("indexFilesRead", r.indexFilesRead());
        o.put("packs", r.packs());
        o.put("packsKept", r.packsKept());
        o.put("packsRepacked", r.packsRepacked());
        o.put("packsDeleted", r.packsDeleted());
        o.put("unindexedDeleted", r.unindexedDeleted());
        o.put("unindexedRemembered", r.unindexedRemembered());
        o.put("bytesBefore", r.bytesBefore());
        o.put("bytesLive", r.bytesLive());
        o.put("bytesFreed", r.bytesFreed());
        o.put("blobsCopied", r.blobsCopied());
        o.put("packsWritten", r.packsWritten());
        o.put("indexFilesWritten", r.indexFilesWritten());
        o.put("indexFilesDeleted", r.indexFilesDeleted());
        o.put("temporaryFilesRemoved", r.temporaryFilesRemoved());
        return o;
    }
}
