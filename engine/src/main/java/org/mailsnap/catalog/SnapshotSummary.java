package org.mailsnap.catalog;

import java.time.Instant;
import java.util.Objects;

/** What a snapshot listing shows without reading the repository. */
public record SnapshotSummary(String id, Instant time, String host, String storeKey, long messageCount) {
    public SnapshotSummary {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(storeKey, "storeKey");
        if (id.isEmpty()) {
            throw new IllegalArgumentException("empty snapshot id");
        }
        if (messageCount < 0) {
            throw new IllegalArgumentException("negative message count " + messageCount);
        }
    }
}
