package org.mailsnap.retention;

import java.util.List;
import org.mailsnap.history.StoreLedgers;
import org.mailsnap.model.SnapshotId;
import org.mailsnap.snapshot.Snapshot;

/**
 * What {@code forget --keep-deleted-within} does for one store (format-spec/operations.md): the store's snapshots as
 * the policy decided them, its current ledger, and the window's start.
 *
 * @param store              the store key (host and path)
 * @param snapshots          the store's snapshots, oldest first, each kept or removed; the last is the newest, which
 *                           carries the new ledger
 * @param current            the store's ledger now, or null when it has none
 * @param windowStartSeconds entries that left their folder before this (seconds since the epoch) expire
 */
public record LedgerPlan(
        String store, List<StoreSnapshot> snapshots, StoreLedgers.Ledger current, long windowStartSeconds) {
    public LedgerPlan {
        snapshots = List.copyOf(snapshots);
        if (snapshots.isEmpty() || !snapshots.get(snapshots.size() - 1).kept()) {
            throw new IllegalArgumentException("a store's newest snapshot is kept: " + store);
        }
    }

    /** One snapshot of the store, as the policy decided it. */
    public record StoreSnapshot(SnapshotId id, Snapshot snapshot, boolean kept) {}

    /** The store's newest snapshot: it is replaced by one carrying the new ledger. */
    public StoreSnapshot newest() {
        return snapshots.get(snapshots.size() - 1);
    }
}
