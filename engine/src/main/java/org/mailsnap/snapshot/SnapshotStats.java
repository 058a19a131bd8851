package org.mailsnap.snapshot;

import java.util.List;

/**
 * Figures of one backup run, kept with the snapshot so `snapshots` can show them without reading the tree.
 *
 * @param mailboxes        mailboxes in the snapshot
 * @param folders          folders in the snapshot
 * @param messages         placements in the snapshot
 * @param bytes            sum of the message sizes
 * @param newMessages      messages read from the store in this run
 * @param newBytes         their bytes
 * @param storedBytes      bytes this run added to the repository (packs and index files)
 * @param lockHoldMaxNanos the longest single lock hold of the run
 * @param lockHoldTotalNanos all lock holds added up
 * @param durationNanos    wall time of the run
 * @param failedMailboxes  mailboxes that could not be captured (lock timeout, permission…): the snapshot carries
 *                         their previous state if one exists and is then partial
 */
public record SnapshotStats(
        long mailboxes,
        long folders,
        long messages,
        long bytes,
        long newMessages,
        long newBytes,
        long storedBytes,
        long lockHoldMaxNanos,
        long lockHoldTotalNanos,
        long durationNanos,
        List<String> failedMailboxes) {
    public SnapshotStats {
        failedMailboxes = List.copyOf(failedMailboxes);
    }

    public boolean partial() {
        return !failedMailboxes.isEmpty();
    }
}
