package org.mailsnap.snapshot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.mailsnap.codec.CorruptDataException;
import org.mailsnap.model.BlobId;
import org.mailsnap.model.SnapshotId;

/**
 * The snapshot vectors of {@code format-spec/vectors/snapshot-*.txt}: a backup's snapshot (version 2) and a
 * replacement (version 3) and a replacement carrying a deleted-mail ledger (version 4) written by
 * {@link SnapshotCodec}, and a replacement that supersedes itself, which readers must reject. Used by the repository package's {@code VectorGenerator} and {@code VectorsTest}.
 */
public final class SnapshotVectors {
    private static final HexFormat HEX = HexFormat.of();
    private static final String ORIGINAL_ID = "5e".repeat(32);
    private static final String OLDER_ID = "0d".repeat(32);
    private static final String REPLACEMENT_ID = "a1".repeat(32);
    private static final String LEDGER_ID = "b4".repeat(32);

    private SnapshotVectors() {}

    private static Snapshot backup() {
        return new Snapshot(
                Instant.ofEpochSecond(1_764_835_200L, 123_456_789),
                "mx1.example.org",
                "/var/vmail",
                ':',
                OLDER_ID,
                List.of("hourly"),
                List.of(BlobId.of(filled(0x33))),
                new SnapshotStats(
                        2,
                        3,
                        40,
                        250_000,
                        5,
                        30_000,
                        12_000,
                        1_000_000,
                        2_000_000,
                        3_000_000,
                        List.of("example.org/bob")));
    }

    private static Snapshot replacement() {
        Snapshot b = backup();
        return new Snapshot(
                b.time(),
                b.host(),
                b.store(),
                b.separator(),
                b.parent(),
                b.tags(),
                List.of(BlobId.of(filled(0x44))),
                new SnapshotStats(1, 2, 25, 150_000, 5, 30_000, 12_000, 1_000_000, 2_000_000, 3_000_000, List.of()),
                List.of(SnapshotId.parse(ORIGINAL_ID), SnapshotId.parse(OLDER_ID)),
                List.of("example.org/bob"),
                Optional.empty());
    }

    /** A backup's snapshot: version 2, as backups still write it. */
    public static Map<String, String> version2() {
        return vector(ORIGINAL_ID, backup());
    }

    /** A replacement of it without {@code example.org/bob}, which also supersedes what that one superseded. */
    public static Map<String, String> version3() {
        return vector(REPLACEMENT_ID, replacement());
    }

    /**
     * A replacement carrying a deleted-mail ledger (records version 4): the backup's snapshot, superseding it,
     * whose {@code Deleted} names the two chunks of {@link LedgerVectors#twoChunks()}.
     */
    public static Map<String, String> version4() throws java.io.IOException {
        return vector(LEDGER_ID, backup().withLedger(SnapshotId.parse(ORIGINAL_ID), LedgerVectors.chunkIds()));
    }

    /** The replacement read under its own superseded id: it would supersede itself. */
    public static Map<String, String> selfSuperseding() {
        Map<String, String> v = new LinkedHashMap<>();
        v.put("id", ORIGINAL_ID);
        v.put("payload", HEX.formatHex(SnapshotCodec.encode(replacement())));
        return v;
    }

    private static Map<String, String> vector(String id, Snapshot s) {
        Map<String, String> v = new LinkedHashMap<>();
        v.put("id", id);
        v.put("payload", HEX.formatHex(SnapshotCodec.encode(s)));
        v.putAll(describe(s));
        return v;
    }

    /** Checks a vector: the payload decodes to the described snapshot and encodes back to itself, or is rejected. */
    public static void check(Map<String, String> v, boolean success) throws CorruptDataException {
        byte[] payload = HEX.parseHex(v.get("payload"));
        if (!success) {
            assertThrows(
                    CorruptDataException.class, () -> SnapshotCodec.decode(payload, SnapshotId.parse(v.get("id"))));
            return;
        }
        Snapshot s = SnapshotCodec.decode(payload, SnapshotId.parse(v.get("id")));
        Map<String, String> expected = new LinkedHashMap<>(v);
        expected.remove("id");
        expected.remove("payload");
        expected.keySet().retainAll(describe(s).keySet());
        assertEquals(expected, describe(s));
        assertEquals(v.get("payload"), HEX.formatHex(SnapshotCodec.encode(s)), "the writer writes these bytes");
    }

    private static Map<String, String> describe(Snapshot s) {
        Map<String, String> v = new LinkedHashMap<>();
        v.put("version", Integer.toString(SnapshotCodec.version(s)));
        v.put("time", s.time().toString());
        v.put("host", s.host());
        v.put("store", s.store());
        v.put("parent", s.parent());
        v.put("tags", String.join(",", s.tags()));
        v.put("tree", String.join(",", s.tree().stream().map(BlobId::toHex).toList()));
        SnapshotStats st = s.stats();
        v.put(
                "stats",
                st.mailboxes() + " " + st.folders() + " " + st.messages() + " " + st.bytes() + " "
                        + st.newMessages() + " " + st.newBytes() + " " + st.storedBytes() + " " + st.lockHoldMaxNanos()
                        + " "
                        + st.lockHoldTotalNanos() + " " + st.durationNanos());
        v.put("failed", String.join(",", st.failedMailboxes()));
        v.put(
                "supersedes",
                String.join(",", s.supersedes().stream().map(SnapshotId::hex).toList()));
        v.put("removed", String.join(",", s.removed()));
        if (s.carriesLedger()) {
            v.put(
                    "deleted",
                    String.join(",", s.ledger().stream().map(BlobId::toHex).toList()));
        }
        v.replaceAll((k, value) -> value.isEmpty() ? "-" : value);
        return v;
    }

    private static byte[] filled(int value) {
        byte[] b = new byte[BlobId.LENGTH];
        java.util.Arrays.fill(b, (byte) value);
        return b;
    }
}
