package org.mailsnap.catalog;

import java.time.Instant;
import org.mailsnap.codec.ByteWriter;
import org.mailsnap.model.SnapshotId;

/**
 * Encodes a {@link SnapshotSummary}'s value; the id is the key:
 * <pre>
 * snapshot = time:instant host:string storeKey:string messageCount:varint
 * </pre>
 */
final class SnapshotSummaryCodec {
    private SnapshotSummaryCodec() {}

    static byte[] encode(SnapshotSummary s) {
        return new ByteWriter(64)
                .instant(s.time())
                .string(s.host())
                .string(s.storeKey())
                .count(s.messageCount())
                .toByteArray();
    }

    static SnapshotSummary decode(SnapshotId id, byte[] value, byte[] key) throws CatalogCorruptException {
        return Records.decode(value, "snapshot summary", key, r -> {
            Instant time = r.instant("time");
            String host = r.string(Integer.MAX_VALUE, "host");
            String storeKey = r.string(Integer.MAX_VALUE, "store key");
            return new SnapshotSummary(id, time, host, storeKey, r.varintAtMost(Long.MAX_VALUE, "message count"));
        });
    }
}
