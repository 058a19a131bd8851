package org.mailsnap.snapshot;

import java.time.Instant;
import java.util.List;
import org.mailsnap.model.BlobId;

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
 */
public record Snapshot(Instant time, String host, String store, char separator, String parent, List<String> tags,
                       List<BlobId> tree, SnapshotStats stats, List<String> supersedes, List<String> removed) {
    public Snapshot {
        tags = List.copyOf(tags);
        tree = List.copyOf(tree);
        supersedes = List.copyOf(supersedes);
        removed = List.copyOf(removed);
    }

    /** A backup's snapshot: it replaces none. */
    public Snapshot(Instant time, String host, String store, char separator, String parent, List<String> tags,
                    List<BlobId> tree, SnapshotStats stats) {
        this(time, host, store, separator, parent, tags, tree, stats, List.of(), List.of());
    }

    /** True for a replacement ({@code forget --mailbox}): it supersedes other snapshots. */
    public boolean replacement() {
        return !supersedes.isEmpty();
    }

    /** The key under which the catalog keeps this store's last-run state: host and path. */
    public String storeKey() {
        return storeKey(host, store);
    }

    public static String storeKey(String host, String store) {
        return host + ":" + store;
    }
}
