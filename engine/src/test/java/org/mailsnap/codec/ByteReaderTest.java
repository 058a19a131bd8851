package org.mailsnap.codec;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.mailsnap.model.BlobId;

class ByteReaderTest {
    @Test
    void everyPrimitiveRoundTrips() throws Exception {
        long seed = System.nanoTime();
        System.out.println("ByteReaderTest seed " + seed);
        Random random = new Random(seed);
        byte[] raw = new byte[BlobId.LENGTH];
        random.nextBytes(raw);
        BlobId id = BlobId.of(raw);
        for (int i = 0; i < 200; i++) {
            long a = random.nextLong();
            int b = random.nextInt() & 0xFFFF;
            Instant t = Instant.ofEpochSecond(random.nextInt(), random.nextInt(1_000_000_000));
            byte[] bytes = new ByteWriter(8)
                    .u8(0xAB)
                    .u16(b)
                    .u32(a & 0xFFFFFFFFL)
                    .u64(a)
                    .i64be(a)
                    .varint(a)
                    .zigzag(a)
                    .string("grüße")
                    .name("x")
                    .lengthPrefixed(new byte[] {1, 2})
                    .blobIds(List.of(id, id))
                    .instant(t)
                    .toByteArray();
            ByteReader in = new ByteReader(bytes, "record " + seed);
            assertEquals(0xAB, in.u8("a"));
            assertEquals(b, in.u16("b"));
            assertEquals(a & 0xFFFFFFFFL, in.u32("c"));
            assertEquals(a, in.u64("d"));
            assertEquals(a, in.i64be("e"));
            assertEquals(a, in.varint("f"));
            assertEquals(a, in.zigzag("g"));
            assertEquals("grüße", in.string(100, "h"));
            assertEquals("x", in.name(100, "i"));
            assertArrayEquals(new byte[] {1, 2}, in.lengthPrefixed(2, "j"));
            assertEquals(List.of(id, id), in.blobIds(2, "k"));
            assertEquals(t, in.instant("l"));
            in.expectEnd("l");
        }
    }

    @Test
    void fixedWidthIntegersHaveTheirByteOrder() throws Exception {
        assertArrayEquals(
                new byte[] {4, 3, 2, 1}, new ByteWriter(4).u32(0x01020304).toByteArray());
        assertArrayEquals(
                new byte[] {0, 0, 0, 0, 1, 2, 3, 4},
                new ByteWriter(8).i64be(0x01020304).toByteArray());
    }

    @Test
    void aVarintThatOverflowsSixtyFourBitsIsCorruptNotTruncated() throws Exception {
        byte[] max = new ByteWriter(10).varint(-1L).toByteArray();
        assertEquals(10, max.length);
        assertEquals(-1L, new ByteReader(max, "r").varint("v"));
        byte[] overflow = max.clone();
        overflow[9] = 0x02; // bit 64
        CorruptDataException e =
                assertThrows(CorruptDataException.class, () -> new ByteReader(overflow, "r").varint("count"));
        assertEquals("r: count: varint overflows 64 bits at byte 10 of 10", e.getMessage());
        byte[] eleven = new byte[11];
        java.util.Arrays.fill(eleven, (byte) 0x80);
        assertTrue(assertThrows(CorruptDataException.class, () -> new ByteReader(eleven, "r").varint("v"))
                .getMessage()
                .contains("overflows"));
    }

    @Test
    void failuresNameTheResourceFieldAndOffsetAndTakeTheHooksType() {
        class Custom extends CorruptDataException {
            Custom(String resource, String problem) {
                super(resource, problem);
            }
        }
        byte[] data = {1, 2, 3};
        Custom e = assertThrows(Custom.class, () -> {
            ByteReader in = new ByteReader(data, 0, 3, "pack 3f2a…", Custom::new);
            in.u16("magic");
            in.u32("header length");
        });
        assertEquals("pack 3f2a…", e.resource());
        assertEquals("truncated: header length needs 4 bytes, 1 left at byte 2 of 3", e.problem());
        CorruptDataException range = assertThrows(
                CorruptDataException.class,
                () -> new ByteReader(new ByteWriter(4).varint(300).toByteArray(), "r").intAtMost(255, "tag count"));
        assertEquals("r: tag count 300 out of range [0, 255] at byte 2 of 2", range.getMessage());
        CorruptDataException trailing =
                assertThrows(CorruptDataException.class, () -> new ByteReader(data, "r").expectEnd("nothing"));
        assertEquals("r: 3 unexpected trailing bytes after nothing at byte 0 of 3", trailing.getMessage());
    }

    @Test
    void countsAndLengthsAreCheckedBeforeAllocating() {
        byte[] huge = new ByteWriter(8).varint(Integer.MAX_VALUE).toByteArray();
        assertTrue(assertThrows(CorruptDataException.class, () -> new ByteReader(huge, "r").count(1, "item"))
                .getMessage()
                .contains("item count 2147483647 exceeds the 0 bytes left"));
        assertTrue(assertThrows(
                        CorruptDataException.class, () -> new ByteReader(huge, "r").blobIds(Integer.MAX_VALUE, "ids"))
                .getMessage()
                .contains("ids count"));
        byte[] badUtf8 = new ByteWriter(4).varint(1).u8(0xC3).toByteArray();
        assertTrue(assertThrows(CorruptDataException.class, () -> new ByteReader(badUtf8, "r").string(4, "host"))
                .getMessage()
                .contains("host is not valid UTF-8"));
    }

    @Test
    void headersRefuseShortForeignAndUnsupportedRecords() throws Exception {
        byte[] magic = "MSNAPTST".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        byte[] good = Header.write(new ByteWriter(10), magic, 2).toByteArray();
        assertEquals(2, Header.check(new ByteReader(good, "t"), magic, "test file", 1, 2));
        CorruptDataException shortOne = assertThrows(
                CorruptDataException.class,
                () -> Header.check(new ByteReader(java.util.Arrays.copyOf(good, 9), "t"), magic, "test file", 1, 2));
        assertEquals(
                "t: not a mailsnap test file: 9 bytes, shorter than its 10-byte header (file truncated?) at byte 0"
                        + " of 9",
                shortOne.getMessage());
        byte[] foreign = good.clone();
        foreign[0] = 'X';
        assertTrue(assertThrows(
                        CorruptDataException.class,
                        () -> Header.check(new ByteReader(foreign, "t"), magic, "test file", 1, 2))
                .getMessage()
                .startsWith("t: not a mailsnap test file (bad magic)"));
        UnsupportedVersionException newer = assertThrows(
                UnsupportedVersionException.class,
                () -> Header.check(new ByteReader(good, "t"), magic, "test file", 1, 1));
        assertEquals(
                "t: unsupported test file version 2 (this mailsnap reads versions 1 to 1; written by a newer"
                        + " mailsnap, or damaged)",
                newer.getMessage());
        assertEquals(2, newer.found());
        UnsupportedVersionException older = assertThrows(
                UnsupportedVersionException.class,
                () -> Header.checkVersionByte(new ByteReader(new byte[] {0}, "chunk"), "chunk", 1, 2));
        assertTrue(older.problem().contains("written by an older mailsnap, or damaged"), older.problem());
    }
}
