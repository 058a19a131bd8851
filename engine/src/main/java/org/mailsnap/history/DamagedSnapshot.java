package org.mailsnap.history;

import org.mailsnap.model.SnapshotId;

/**
 * A snapshot object that cannot be read (damaged, truncated, garbage): it is skipped, so that every other snapshot
 * stays listable and restorable, and reported.
 *
 * @param id      the object's id (its name under {@code snapshots/})
 * @param problem why it cannot be read, naming the object
 */
public record DamagedSnapshot(SnapshotId id, String problem) {
    /** One line for the operator. */
    public String describe() {
        return "snapshot " + id.shortId() + " is damaged and skipped: " + problem;
    }
}
