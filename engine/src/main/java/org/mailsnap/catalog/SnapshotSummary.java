package org.mailsnap.catalog;

import java.time.Instant;
import java.util.Objects;
import org.mailsnap.model.SnapshotId;

/** What a snapshot listing shows without reading the repository. */
public record SnapshotSummary(SnapshotId id, Instant time, String host, String storeKey, long messageCount) {
    public SnapshotSummary {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(storeKey, "storeKey");
        if (messageCount < 0) {
            throw new IllegalArgumentException("negative message count " + messageCount);
        }
    }
}
