package org.mailsnap.catalog;

import java.time.Instant;

/**
 * Encodes a {@link SnapshotSummary}'s value; the id is the key:
 * <pre>
 * snapshot = time:instant host:string storeKey:string messageCount:varint
 * </pre>
 */
final class SnapshotSummaryCodec {
    private SnapshotSummaryCodec() {}

    static byte[] encode(SnapshotSummary s) {
        return new ByteWriter(64).instant(s.time()).string(s.host()).string(s.storeKey()).count(s.messageCount())
                .toByteArray();
    }

    static SnapshotSummary decode(String id, byte[] value, byte[] key) throws CatalogCorruptException {
        ByteReader r = new ByteReader(value, "snapshot summary", key);
        Instant time = r.instant("time");
        String host = r.string("host");
        String storeKey = r.string("store key");
        long count = r.boundedVarint(Long.MAX_VALUE, "message count");
        r.end();
        return new SnapshotSummary(id, time, host, storeKey, count);
    }
}
