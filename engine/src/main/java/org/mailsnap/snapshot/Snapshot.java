package org.mailsnap.snapshot;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.mailsnap.model.BlobId;
import org.mailsnap.model.BlobIdList;
import org.mailsnap.model.SnapshotId;

/**
 * One backup run of one store: when, where from, and its tree. A snapshot is self-contained: restoring it never
 * needs another snapshot.
 *
 * @param time      when the capture started
 * @param host      the host that ran the backup
 * @param store     the store's absolute path on that host
 * @param separator the Maildir info separator in use ({@code :} for Dovecot)
 * @param parent    the previous snapshot of the same store and host that this run diffed against, or empty
 * @param tags      operator-chosen labels
 * @param tree      the tree's chunk ids
 * @param stats     figures of the run
 * @param supersedes ids of the snapshots this one replaces (a replacement made by {@code forget --mailbox}), empty
 *                   for a backup's snapshot; readers ignore a snapshot that a readable one supersedes
 * @param removed    the mailboxes removed relative to the replaced snapshots (empty unless a replacement)
 * @param deleted    the chunk ids of the store's deleted-mail ledger when this snapshot carries one (a replacement
 *                   written by {@code forget --keep-deleted-within}, records version 4; the list may be empty: the
 *                   ledger is empty as of this snapshot), else empty
 */
public record Snapshot(
        Instant time,
        String host,
        String store,
        char separator,
        String parent,
        List<String> tags,
        List<BlobId> tree,
        SnapshotStats stats,
        List<SnapshotId> supersedes,
        List<String> removed,
        Optional<List<BlobId>> deleted) {
    public Snapshot {
        tags = List.copyOf(tags);
        tree = BlobIdList.copyOf(tree); // compact: forget and prune hold every snapshot's lists at once
        supersedes = List.copyOf(supersedes);
        removed = List.copyOf(removed);
        deleted = deleted.map(BlobIdList::copyOf);
        if (deleted.isPresent() && supersedes.isEmpty()) {
            throw new IllegalArgumentException("a deleted-mail ledger on a snapshot that replaces none");
        }
    }

    /** A backup's snapshot: it replaces none. */
    public Snapshot(
            Instant time,
            String host,
            String store,
            char separator,
            String parent,
            List<String> tags,
            List<BlobId> tree,
            SnapshotStats stats) {
        this(time, host, store, separator, parent, tags, tree, stats, List.of(), List.of(), Optional.empty());
    }

    /** True for a replacement ({@code forget --mailbox}): it supersedes other snapshots. */
    public boolean replacement() {
        return !supersedes.isEmpty();
    }

    /** True when this snapshot carries a deleted-mail ledger (possibly empty). */
    public boolean carriesLedger() {
        return deleted.isPresent();
    }

    /** This snapshot's ledger chunks; empty when it carries none. */
    public List<BlobId> ledger() {
        return deleted.orElse(List.of());
    }

    /**
     * The replacement of this snapshot (whose id is {@code ownId}) carrying {@code ledger}: same time, host, store,
     * tags, tree and figures; superseding this one and what it superseded.
     */
    public Snapshot withLedger(SnapshotId ownId, List<BlobId> ledger) {
        return replacement(ownId, tree, stats, removed, Optional.of(ledger));
    }

    /**
     * A replacement of this snapshot (whose id is {@code ownId}) with another tree and figures: the same time, host,
     * store, separator, parent and tags; superseding this one and what it superseded.
     *
     * @param removedMailboxes the mailboxes removed relative to the replaced snapshots (those this one names too)
     * @param ledger           the replacement's deleted-mail ledger, if it carries one
     */
    public Snapshot replacement(
            SnapshotId ownId,
            List<BlobId> newTree,
            SnapshotStats newStats,
            List<String> removedMailboxes,
            Optional<List<BlobId>> ledger) {
        List<SnapshotId> replaces =
                Stream.concat(Stream.of(ownId), supersedes.stream()).toList();
        return new Snapshot(
                time, host, store, separator, parent, tags, newTree, newStats, replaces, removedMailboxes, ledger);
    }

    /** The key under which the catalog keeps this store's last-run state: host and path. */
    public String storeKey() {
        return storeKey(host, store);
    }

    public static String storeKey(String host, String store) {
        return host + ":" + store;
    }
}
