package org.mailsnap.snapshot;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mailsnap.chunk.ChunkerParams;
import org.mailsnap.chunk.RecordChunker;
import org.mailsnap.codec.CorruptDataException;
import org.mailsnap.model.BlobId;
import org.mailsnap.model.FolderKey;
import org.mailsnap.model.SnapshotId;

class SnapshotCodecTest {
    private static final SnapshotId ID = SnapshotId.parse("0e".repeat(32));

    private static BlobId id(int n) {
        byte[] b = new byte[32];
        b[0] = (byte) n;
        b[31] = (byte) (n >> 8);
        return BlobId.of(b);
    }

    @Test
    void snapshotRoundTrip() throws Exception {
        Snapshot s = new Snapshot(
                Instant.parse("2026-11-29T03:00:00.123456789Z"),
                "mx1",
                "/var/vmail",
                ':',
                "ab12",
                List.of("hourly"),
                List.of(id(1), id(2)),
                new SnapshotStats(
                        2,
                        10,
                        5000,
                        123456789,
                        12,
                        3456,
                        7890,
                        4_000_000,
                        9_000_000,
                        2_000_000_000L,
                        List.of("example.org/bob")));
        Snapshot back = SnapshotCodec.decode(SnapshotCodec.encode(s), ID);
        assertEquals(s, back);
        assertTrue(back.stats().partial());
    }

    @Test
    void truncatedSnapshotIsRefused() {
        Snapshot s = new Snapshot(
                Instant.EPOCH,
                "h",
                "/s",
                ':',
                "",
                List.of(),
                List.of(id(1)),
                new SnapshotStats(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, List.of()));
        byte[] bytes = SnapshotCodec.encode(s);
        for (int cut = 0; cut < bytes.length; cut++) {
            byte[] prefix = java.util.Arrays.copyOf(bytes, cut);
            assertThrows(CorruptDataException.class, () -> SnapshotCodec.decode(prefix, ID), "prefix " + cut);
        }
    }

    @Test
    void treeRoundTripInFolderOrder() throws Exception {
        MemoryBlobs blobs = new MemoryBlobs();
        TreeWriter w = new TreeWriter(TreeWriter.chunker("s".getBytes(StandardCharsets.UTF_8)), blobs);
        List<FolderEntry> entries = new ArrayList<>();
        for (int m = 0; m < 50; m++) {
            for (String folder : List.of("", ".Archive", ".Sent", ".Lists.dovecot")) {
                entries.add(new FolderEntry(
                        new FolderKey(String.format("example.org/user%02d", m), folder),
                        m,
                        -m,
                        m * 10L,
                        m * 1000L,
                        List.of(id(m)),
                        List.of(new ControlFile("dovecot-uidlist", 5, 120, List.of(id(m + 1))))));
            }
        }
        entries.sort((a, b) -> a.key().compareTo(b.key()));
        for (FolderEntry e : entries) {
            w.add(e);
        }
        List<FolderEntry> back = new ArrayList<>();
        ChunkCursor.tree(w.finish(), blobs).forEachRemaining(back::add);
        assertEquals(entries, back);
    }

    @Test
    void treeRefusesPathTraversal() throws Exception {
        MemoryBlobs blobs = new MemoryBlobs();
        for (FolderKey bad : List.of(
                new FolderKey("../outside", ""),
                new FolderKey("/abs", ""),
                new FolderKey("u", "../../x"),
                new FolderKey("u//v", ""))) {
            TreeWriter w = new TreeWriter(
                    new RecordChunker("s".getBytes(StandardCharsets.UTF_8), ChunkerParams.RECORDS, 256), blobs);
            w.add(new FolderEntry(bad, 0, 0, 0, 0, List.of(), List.of()));
            List<BlobId> tree = w.finish();
            assertThrows(
                    CorruptDataException.class,
                    () -> ChunkCursor.tree(tree, blobs).forEachRemaining(f -> {}),
                    bad.toString());
        }
        TreeWriter w = new TreeWriter(
                new RecordChunker("s".getBytes(StandardCharsets.UTF_8), ChunkerParams.RECORDS, 256), blobs);
        w.add(new FolderEntry(
                new FolderKey("u", ""),
                0,
                0,
                0,
                0,
                List.of(),
                List.of(new ControlFile("../dovecot-uidlist", 0, 0, List.of()))));
        List<BlobId> tree = w.finish();
        assertThrows(
                CorruptDataException.class, () -> ChunkCursor.tree(tree, blobs).forEachRemaining(f -> {}));
    }
}
