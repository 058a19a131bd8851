package org.mailsnap.snapshot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.mailsnap.codec.ByteWriter;
import org.mailsnap.codec.CorruptDataException;
import org.mailsnap.model.BaseNames;
import org.mailsnap.model.BlobId;
import org.mailsnap.model.FolderKey;
import org.mailsnap.model.MessageContent;
import org.mailsnap.model.Placement;
import org.mailsnap.model.SnapshotId;

/** The deleted-mail ledger's records (format-spec/snapshots.md, records version 4) beyond what the vectors pin. */
class LedgerCodecTest {
    private static final BlobId H = BlobId.of(new byte[32]);

    @Test
    void aSnapshotCarryingAnEmptyLedgerStaysDistinctFromOneWithout() throws Exception {
        Snapshot plain = new Snapshot(
                Instant.EPOCH,
                "h",
                "/s",
                ':',
                "",
                List.of(),
                List.of(H),
                new SnapshotStats(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, List.of()));
        Snapshot empty = plain.withLedger(SnapshotId.parse("5e".repeat(32)), List.of());
        Snapshot back = SnapshotCodec.decode(SnapshotCodec.encode(empty), SnapshotId.parse("0e".repeat(32)));
        assertEquals(empty, back);
        assertTrue(back.carriesLedger());
        assertEquals(4, SnapshotCodec.version(back));
        assertEquals(List.of(SnapshotId.parse("5e".repeat(32))), back.supersedes());
    }

    @Test
    void aLedgerOnASnapshotThatReplacesNothingIsNotWritten() {
        assertThrows(
                IllegalArgumentException.class,
                () -> new Snapshot(
                        Instant.EPOCH,
                        "h",
                        "/s",
                        ':',
                        "",
                        List.of(),
                        List.of(),
                        new SnapshotStats(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, List.of()),
                        List.of(),
                        List.of(),
                        Optional.of(List.of())));
    }

    @Test
    void writerRefusesEntriesOutOfOrderAndReaderGetsThemBack() throws Exception {
        MemoryBlobs blobs = new MemoryBlobs();
        LedgerWriter w = new LedgerWriter(
                LedgerWriter.chunker("s".getBytes(java.nio.charset.StandardCharsets.UTF_8)), BaseNames.DOVECOT, blobs);
        List<GonePlacement> entries = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            entries.add(gone(
                    new FolderKey("u" + (i % 3), i % 2 == 0 ? "" : ".Trash"),
                    "17" + i + ".M1P1.h:2,S",
                    100,
                    200 + i % 5));
        }
        entries.sort(GonePlacement.order(BaseNames.DOVECOT));
        for (GonePlacement g : entries) {
            w.add(g);
        }
        List<BlobId> ids = w.finish();
        assertTrue(ids.size() > 1, "a ledger of 200 entries spans chunks");
        List<GonePlacement> back = new ArrayList<>();
        ChunkCursor.ledger(ids, blobs).forEachRemaining(back::add);
        assertEquals(entries, back);
        LedgerWriter again = new LedgerWriter(
                LedgerWriter.chunker("s".getBytes(java.nio.charset.StandardCharsets.UTF_8)), BaseNames.DOVECOT, blobs);
        again.add(entries.get(1));
        assertThrows(IllegalArgumentException.class, () -> again.add(entries.get(0)));
    }

    @Test
    void readerRejectsUnsafeFoldersAndTimesOutOfOrder() {
        for (String[] bad : new String[][] {{"../x", ""}, {"u", "../.."}, {"/abs", ""}}) {
            ByteWriter out = new ByteWriter(256).u8(1).name(bad[0]).name(bad[1]);
            ManifestCodec.writeEntry(out, placement("1.M1P1.h"));
            out.zigzag(1).zigzag(2);
            assertThrows(CorruptDataException.class, () -> LedgerCodec.readChunk(out.toByteArray(), H), bad[0]);
        }
        ByteWriter out = new ByteWriter(256).u8(1).name("u").name("");
        ManifestCodec.writeEntry(out, placement("1.M1P1.h"));
        out.zigzag(5).zigzag(4);
        CorruptDataException e =
                assertThrows(CorruptDataException.class, () -> LedgerCodec.readChunk(out.toByteArray(), H));
        assertTrue(e.getMessage().contains("before last seen"), e.getMessage());
        assertThrows(CorruptDataException.class, () -> LedgerCodec.readChunk(new byte[] {2}, H), "version 2");
    }

    @Test
    void theFolderAMessageLeftLastIsTheOneLastSeenThoughAnEarlierFolderHasALaterGoneByBound() {
        FolderKey inbox = new FolderKey("example.org/anne", "");
        FolderKey trash = new FolderKey("example.org/anne", ".Trash");
        // moved to Trash after the snapshot of 100, expunged there after 300; the snapshots from 101 to 399 were
        // forgotten before 100 was, so the inbox entry's gone-by bound is 400, as late as the trash entry's
        GonePlacement movedOut = gone(inbox, "1.M1P1.h", 100, 400);
        GonePlacement expunged = gone(trash, "1.M1P1.h", 300, 400);
        assertTrue(GonePlacement.BY_DEPARTURE.compare(expunged, movedOut) > 0);
        assertTrue(
                GonePlacement.BY_DEPARTURE.compare(gone(inbox, "1.M1P1.h", 100, 500), expunged) < 0,
                "a later gone-by bound of the folder left first does not make it the last");
        assertTrue(
                GonePlacement.BY_DEPARTURE.compare(gone(inbox, "1.M1P1.h", 300, 500), expunged) > 0,
                "a copy in two folders of one snapshot left last where it stayed longer");
    }

    private static GonePlacement gone(FolderKey folder, String name, long lastSeen, long goneBy) {
        return new GonePlacement(folder, placement(name), lastSeen, goneBy);
    }

    private static Placement placement(String name) {
        return new Placement(name, "", true, 1L, new MessageContent(H, List.of(), 3));
    }
}
