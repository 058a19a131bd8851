package org.mailsnap.cli;

import org.mailsnap.backup.BackupProgress;
import org.mailsnap.check.CheckProgress;
import org.mailsnap.concurrent.Completion;
import org.mailsnap.recovery.RebuildProgress;
import org.mailsnap.restore.RestoreProgress;

/**
 * The text of the progress line for each long command: counts, the read rate, and an estimate of the time left
 * from the share of the work done so far (mailboxes for a backup, folders for a restore, snapshots for a rebuild). Pure functions of the
 * counters and the elapsed seconds, so they are tested without a terminal.
 */
final class ProgressLines {
    private ProgressLines() {}

    static String backup(BackupProgress p, long seconds) {
        return String.format(
                "  mailboxes %d/%d, messages seen %d, read %d (%s, %s/s)%s",
                p.mailboxes.done.get(),
                p.mailboxes.total.get(),
                p.messagesSeen.get(),
                p.messagesRead.get(),
                Units.bytes(p.bytesRead.get()),
                Units.bytes(seconds == 0 ? 0 : p.bytesRead.get() / seconds),
                eta(p.mailboxes, seconds));
    }

    static String restore(RestoreProgress p, long seconds) {
        return String.format(
                "  folders %d/%d, messages written %d (%s, %s/s), skipped %d%s",
                p.folders.done.get(),
                p.folders.total.get(),
                p.messagesWritten.get(),
                Units.bytes(p.bytesWritten.get()),
                Units.bytes(seconds == 0 ? 0 : p.bytesWritten.get() / seconds),
                p.messagesSkipped.get(),
                eta(p.folders, seconds));
    }

    static String rebuild(RebuildProgress p, long seconds) {
        return String.format(
                "  snapshots %d/%d, messages indexed %d, placements %d%s",
                p.snapshots.done.get(),
                p.snapshots.total.get(),
                p.messagesIndexed.get(),
                p.placementsWritten.get(),
                eta(p.snapshots, seconds));
    }

    static String check(CheckProgress p, long seconds) {
        return String.format(
                "  index files %d/%d, packs read %d (%d blobs), snapshots %d/%d%s",
                p.indexFiles.done.get(),
                p.indexFiles.total.get(),
                p.packsRead.get(),
                p.blobsRead.get(),
                p.snapshots.done.get(),
                p.snapshots.total.get(),
                eta(checkDone(p), checkTotal(p), seconds));
    }

    /** A check's share done: index files (with their packs) and snapshots, one unit each. */
    static long checkDone(CheckProgress p) {
        return p.indexFiles.done.get() + p.snapshots.done.get();
    }

    static long checkTotal(CheckProgress p) {
        return p.indexFiles.total.get() + p.snapshots.total.get();
    }

    static String eta(Completion c, long seconds) {
        return eta(c.done.get(), c.total.get(), seconds);
    }

    /** ", ETA 3m20s" once some work is done and more is left; empty before (no basis yet) and after. */
    static String eta(long done, long total, long seconds) {
        Long left = etaSeconds(done, total, seconds);
        return left == null ? "" : ", ETA " + duration(left);
    }

    /** The seconds left at the rate so far; null before any work is done (no basis yet) and after all of it. */
    static Long etaSeconds(long done, long total, long seconds) {
        if (done <= 0 || total <= done || seconds <= 0) {
            return null;
        }
        return Math.round((double) seconds * (total - done) / done);
    }

    static String duration(long seconds) {
        if (seconds < 60) {
            return seconds + "s";
        }
        if (seconds < 3600) {
            return seconds / 60 + "m" + String.format("%02ds", seconds % 60);
        }
        return seconds / 3600 + "h" + String.format("%02dm", seconds % 3600 / 60);
    }
}
