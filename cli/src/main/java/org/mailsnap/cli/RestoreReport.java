package org.mailsnap.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.mailsnap.catalog.SnapshotSummary;
import org.mailsnap.restore.RestoreMode;
import org.mailsnap.restore.RestoreResult;

/** A restore's outcome and its two renderings: one line for a person, one JSON object for a script. */
record RestoreReport(SnapshotSummary snapshot, Path target, RestoreMode mode, RestoreResult result) {

    Map<String, Object> json() {
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("snapshot", snapshot.id());
        o.put("time", snapshot.time().toString());
        o.put("target", target.toString());
        o.put("merge", mode == RestoreMode.MERGE);
        o.put("mode", mode.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'));
        o.put("folders", result.folders());
        o.put("messages", result.messages());
        o.put("bytes", result.bytes());
        o.put("controlFiles", result.controlFiles());
        o.put("skipped", result.skipped());
        o.put("notes", result.notes());
        o.put("failures", result.failures());
        return o;
    }

    void text(PrintWriter out) {
        out.printf(
                "restored from snapshot %s (%s): %d messages (%s) in %d folders, %d control files%s%n",
                snapshot.id().shortId(),
                SnapshotsCommand.TIME.format(snapshot.time()),
                result.messages(),
                Units.bytes(result.bytes()),
                result.folders(),
                result.controlFiles(),
                mode == RestoreMode.MERGE
                        ? ", " + result.skipped() + " already present and skipped"
                        : mode == RestoreMode.RESUME ? ", " + result.skipped() + " already complete" : "");
    }
}
