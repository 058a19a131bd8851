package org.mailsnap.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import org.mailsnap.backup.BackupProgress;
import org.mailsnap.check.CheckProgress;
import org.mailsnap.concurrent.Completion;
import org.mailsnap.prune.PruneProgress;
import org.mailsnap.recovery.RebuildProgress;
import org.mailsnap.restore.RestoreProgress;

/**
 * The {@code --json-progress} events, one JSON object a line, as restic's {@code --json} status lines: the same
 * counters as {@link ProgressLines}, with the share done and the time left as numbers. Every event has
 * {@code event} ("progress"), {@code command}, {@code elapsedSeconds}, {@code percentDone} and {@code etaSeconds}
 * (null while unknown) and {@code final} (true on the last one, written when the work ends).
 */
final class ProgressEvents {
    private ProgressEvents() {}

    static Map<String, Object> backup(BackupProgress p, long seconds) {
        Map<String, Object> event = common("backup", seconds, p.mailboxes);
        put(event, "mailboxes", p.mailboxes);
        event.put("messagesSeen", p.messagesSeen.get());
        event.put("messagesRead", p.messagesRead.get());
        event.put("bytesRead", p.bytesRead.get());
        return event;
    }

    static Map<String, Object> restore(RestoreProgress p, long seconds) {
        Map<String, Object> event = common("restore", seconds, p.folders);
        put(event, "folders", p.folders);
        event.put("messagesWritten", p.messagesWritten.get());
        event.put("bytesWritten", p.bytesWritten.get());
        event.put("messagesSkipped", p.messagesSkipped.get());
        return event;
    }

    static Map<String, Object> rebuild(RebuildProgress p, long seconds) {
        Map<String, Object> event = common("catalog rebuild", seconds, p.snapshots);
        put(event, "snapshots", p.snapshots);
        event.put("messagesIndexed", p.messagesIndexed.get());
        event.put("placementsWritten", p.placementsWritten.get());
        return event;
    }

    static Map<String, Object> check(CheckProgress p, long seconds) {
        Map<String, Object> event = common("check", seconds, ProgressLines.checkDone(p), ProgressLines.checkTotal(p));
        put(event, "indexFiles", p.indexFiles);
        event.put("packsRead", p.packsRead.get());
        event.put("blobsRead", p.blobsRead.get());
        put(event, "snapshots", p.snapshots);
        return event;
    }

    /** Prune knows no total in advance: its share done and time left stay null; {@code phase} says where it is. */
    static Map<String, Object> prune(PruneProgress p, long seconds) {
        Map<String, Object> event = common("prune", seconds, 0, 0);
        event.put("phase", p.phase());
        event.put("indexFilesRead", p.indexFilesRead.get());
        event.put("snapshotsMarked", p.snapshotsMarked.get());
        event.put("liveBlobs", p.liveBlobs.get());
        event.put("packsRepacked", p.packsRepacked.get());
        event.put("bytesRepacked", p.bytesRepacked.get());
        event.put("objectsDeleted", p.objectsDeleted.get());
        return event;
    }

    private static Map<String, Object> common(String command, long seconds, Completion c) {
        return common(command, seconds, c.done.get(), c.total.get());
    }

    /** {@code <name>Done} and {@code <name>Total}. */
    private static void put(Map<String, Object> event, String name, Completion c) {
        event.put(name + "Done", c.done.get());
        event.put(name + "Total", c.total.get());
    }

    private static Map<String, Object> common(String command, long seconds, long done, long total) {
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("event", "progress");
        event.put("command", command);
        event.put("elapsedSeconds", seconds);
        event.put("percentDone", total <= 0 ? null : Math.round(1000.0 * done / total) / 10.0);
        event.put("etaSeconds", ProgressLines.etaSeconds(done, total, seconds));
        return event;
    }
}
