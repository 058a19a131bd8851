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
 */
public record Snapshot(Instant time, String host, String store, char separator, String parent, List<String> tags,
                       List<BlobId> tree, SnapshotStats stats) {
    public Snapshot {
        tags = List.copyOf(tags);
        tree = List.copyOf(tree);
    }

    /** The key under which the catalog keeps this store's last-run state: host and path. */
    public String storeKey() {
        return storeKey(host, store);
    }

    public static String storeKey(String host, String store) {
        return host + ":" + store;
    }
}
