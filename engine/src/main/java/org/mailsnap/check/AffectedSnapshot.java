package org.mailsnap.check;

import java.time.Instant;
import java.util.List;
import org.mailsnap.model.SnapshotId;

/**
 * A snapshot that cannot be restored completely.
 *
 * @param id       the snapshot's id
 * @param time     when it was taken (null when the snapshot object itself is unreadable)
 * @param storeKey host and store (null when unreadable)
 * @param messages how many of its messages are affected
 * @param problems what else is wrong with it: an unreadable tree or manifest chunk, control file…
 */
public record AffectedSnapshot(SnapshotId id, Instant time, String storeKey, long messages, List<String> problems) {
    public AffectedSnapshot {
        problems = List.copyOf(problems);
    }
}
