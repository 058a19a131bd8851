package org.mailsnap.catalog;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mailsnap.model.BlobId;
import org.mailsnap.model.MessageContent;
import org.mailsnap.model.SnapshotId;

/**
 * One flipped bit in a record that still decodes (a blob id is any 32 bytes) would make a backup reuse a wrong
 * blob without a word; with the record checksum it is the catalog's damage, named, where it is read.
 */
class RecordChecksumTest {
    static final String REPO = "repo-1";

    @TempDir
    Path dir;

    static BlobId id(int fill) {
        byte[] b = new byte[BlobId.LENGTH];
        Arrays.fill(b, (byte) fill);
        return BlobId.of(b);
    }

    /** Flips one bit of every occurrence of {@code needle} in the run-state file; returns how many. */
    int flip(byte[] needle, int offset) throws Exception {
        Path data = dir.resolve("state/data.mdb");
        byte[] file = Files.readAllBytes(data);
        int n = 0;
        for (int i = 0; i + needle.length <= file.length; i++) {
            if (Arrays.equals(file, i, i + needle.length, needle, 0, needle.length)) {
                file[i + offset] ^= 0x01;
                n++;
            }
        }
        Files.write(data, file);
        return n;
    }

    @Test
    void aBitFlippedInABlobIdOfAContentRecordIsDamageNotAnotherBlob() throws Exception {
        MessageContent content = new MessageContent(id(0x5A), List.of(id(0x6B)), 1234);
        try (Catalog catalog = Catalog.open(dir, REPO);
                CatalogWriter w = catalog.beginWrite()) {
            w.putContent("example.org/anne", "b1", new KnownMessage(content, 7));
            w.commit();
        }
        assertTrue(flip(id(0x6B).toBytes(), 17) >= 1);
        try (Catalog catalog = Catalog.open(dir, REPO);
                CatalogReader r = catalog.read()) {
            CatalogCorruptException e =
                    assertThrows(CatalogCorruptException.class, () -> r.content("example.org/anne", "b1"));
            assertEquals(
                    "the local catalog at " + dir + " is damaged (a record of state/content (key "
                            + "6578616d706c652e6f72672f616e6e65006231) fails its checksum): run `mailsnap catalog rebuild`",
                    e.getMessage());
            assertEquals(Optional.empty(), r.content("example.org/anne", "b2"), "other lookups still work");
        }
    }

    @Test
    void aBitFlippedInAKeyIsFoundByAScan() throws Exception {
        try (Catalog catalog = Catalog.open(dir, REPO);
                CatalogWriter w = catalog.beginWrite()) {
            w.putSnapshot(new SnapshotSummary(SnapshotId.parse("aa".repeat(32)), Instant.EPOCH, "host", "store", 3));
            w.putSnapshot(new SnapshotSummary(SnapshotId.parse("bb".repeat(32)), Instant.EPOCH, "host", "store", 4));
            w.commit();
        }
        assertTrue(flip("bb".repeat(32).getBytes(java.nio.charset.StandardCharsets.US_ASCII), 12) >= 1);
        try (Catalog catalog = Catalog.open(dir, REPO);
                CatalogReader r = catalog.read()) {
            CatalogCorruptException e = assertThrows(CatalogCorruptException.class, r::snapshots);
            assertTrue(
                    e.getMessage().contains("a record of state/snapshots (key " + "62".repeat(12) + "63")
                            && e.getMessage().contains(" fails its checksum"),
                    e.getMessage());
        }
    }

    @Test
    void sealAndOpenRoundTripAndEveryBitCounts() throws Exception {
        byte[] key = {1, 2, 3};
        byte[] value = {9, 8, 7, 6};
        byte[] sealed = RecordChecksum.seal(key, value);
        assertEquals(value.length + RecordChecksum.BYTES, sealed.length);
        assertArrayEquals(value, RecordChecksum.open(key, ByteBuffer.wrap(sealed), dir, "db"));
        assertArrayEquals(
                new byte[0],
                RecordChecksum.open(key, ByteBuffer.wrap(RecordChecksum.seal(key, new byte[0])), dir, "db"));
        for (int bit = 0; bit < sealed.length * 8; bit++) {
            byte[] flipped = sealed.clone();
            flipped[bit / 8] ^= (byte) (1 << (bit % 8));
            assertThrows(
                    CatalogCorruptException.class, () -> RecordChecksum.open(key, ByteBuffer.wrap(flipped), dir, "db"));
        }
        ByteBuffer framed = ByteBuffer.allocateDirect(sealed.length + 5).order(ByteOrder.LITTLE_ENDIAN);
        framed.position(3);
        framed.put(sealed);
        framed.position(3).limit(3 + sealed.length);
        assertArrayEquals(value, RecordChecksum.open(key, framed, dir, "db"), "a slice of a buffer, any byte order");
        assertEquals(3, framed.position(), "LMDB's buffer is not moved");
        byte[] otherKey = {1, 2, 4};
        assertThrows(
                CatalogCorruptException.class, () -> RecordChecksum.open(otherKey, ByteBuffer.wrap(sealed), dir, "db"));
        assertThrows(
                CatalogCorruptException.class, () -> RecordChecksum.open(key, ByteBuffer.wrap(new byte[3]), dir, "db"));
    }
}
