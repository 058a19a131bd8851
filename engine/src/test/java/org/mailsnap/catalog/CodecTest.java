package org.mailsnap.catalog;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.mailsnap.codec.ByteWriter;
import org.mailsnap.maildir.MailboxRootListing;
import org.mailsnap.model.BaseNames;
import org.mailsnap.model.BlobLocation;
import org.mailsnap.model.BlobType;
import org.mailsnap.model.MessageContent;
import org.mailsnap.model.NameBytes;
import org.mailsnap.model.PackId;
import org.mailsnap.model.SnapshotId;

class CodecTest {
    private static final byte[] KEY = {1, 2, 3};

    private interface Decoder {
        Object decode(byte[] value) throws CatalogCorruptException;
    }

    private final Samples samples = new Samples(7);

    @Test
    void blobLocationStoresItsPackIdAsTheIdsBytes() throws Exception {
        BlobLocation random = samples.location();
        assertEquals(random, BlobLocationCodec.decode(BlobLocationCodec.encode(random), KEY));
        String hex = "0123456789abcdef".repeat(4);
        BlobLocation location = new BlobLocation(new PackId(hex), BlobType.METADATA, Long.MAX_VALUE, 900, 1, 2);
        byte[] asCatalogsStoreIt = storedLocation(0, java.util.HexFormat.of().parseHex(hex));
        assertArrayEquals(asCatalogsStoreIt, BlobLocationCodec.encode(location));
        assertEquals(location, BlobLocationCodec.decode(asCatalogsStoreIt, KEY));
    }

    @Test
    void blobLocationOfAPackNamedByTextOrAShortIdIsDamage() {
        byte[] textForm = storedLocation(1, "Pack-Ü.1".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        CatalogCorruptException e =
                assertThrows(CatalogCorruptException.class, () -> BlobLocationCodec.decode(textForm, KEY));
        assertTrue(e.getMessage().contains("a pack named by text"), e.getMessage());
        byte[] shortId = storedLocation(0, new byte[] {(byte) 0xab, (byte) 0xcd});
        CatalogCorruptException s =
                assertThrows(CatalogCorruptException.class, () -> BlobLocationCodec.decode(shortId, KEY));
        assertTrue(s.getMessage().contains("pack id of 2 bytes"), s.getMessage());
    }

    /** A metadata blob's location as catalogs store it: pack form, type, the pack field, then the four counts. */
    private static byte[] storedLocation(int packForm, byte[] pack) {
        return new ByteWriter(48)
                .u8(packForm)
                .u8(BlobType.METADATA.code())
                .lengthPrefixed(pack)
                .count(Long.MAX_VALUE)
                .count(900)
                .count(1)
                .count(2)
                .toByteArray();
    }

    @Test
    void messageContentRoundTripsWithAndWithoutBody() throws Exception {
        MessageContent c = samples.content();
        assertEquals(
                new KnownMessage(c, -3),
                MessageContentCodec.decode(MessageContentCodec.encode(new KnownMessage(c, -3)), KEY));
        MessageContent headerOnly = new MessageContent(samples.blobId(), List.of(), 0);
        assertEquals(
                new KnownMessage(headerOnly, 0),
                MessageContentCodec.decode(MessageContentCodec.encode(new KnownMessage(headerOnly, 0)), KEY));
    }

    @Test
    void placementRoundTripsAndStoresOnlyWhatFollowsTheBase() throws Exception {
        PlacementRecord p =
                new PlacementRecord("1700000000.M1P2.host", "1700000000.M1P2.host:2,FRSa", true, -5, Samples.CONTENT);
        byte[] encoded = PlacementCodec.encode(p);
        // bits, mtime, content length (1 byte), content (id, empty body count, size 123), then only the suffix
        assertEquals(1 + 8 + 1 + (32 + 1 + 1) + ":2,FRSa".length(), encoded.length);
        assertEquals(p, PlacementCodec.decode(p.base(), encoded, KEY));
        PlacementRecord bare = new PlacementRecord("b", "b", false, Long.MAX_VALUE, Samples.CONTENT);
        assertEquals(bare, PlacementCodec.decode("b", PlacementCodec.encode(bare), KEY));
    }

    @Test
    void folderStateRoundTrips() throws Exception {
        FolderState s = samples.folderState();
        FolderState back = FolderStateCodec.decode(FolderStateCodec.encode(s), KEY);
        assertEquals(s, back);
        assertEquals(
                List.of("dovecot-keywords", "dovecot-uidlist"),
                back.entry().controlFiles().stream()
                        .map(org.mailsnap.snapshot.ControlFile::name)
                        .toList());
        FolderState empty = new FolderState(
                0,
                new org.mailsnap.snapshot.FolderEntry(
                        new org.mailsnap.model.FolderKey("", ""), 0, 0, 0, 0, List.of(), List.of()));
        assertEquals(empty, FolderStateCodec.decode(FolderStateCodec.encode(empty), KEY));
    }

    @Test
    void messageInfoRoundTripsFullAndSparse() throws Exception {
        MessageInfo full = samples.messageInfo();
        assertEquals(full, MessageInfoCodec.decode(MessageInfoCodec.encode(full), KEY));
        MessageInfo gone = new MessageInfo(
                null,
                null,
                null,
                null,
                null,
                "s1",
                Instant.EPOCH,
                "s2",
                Instant.ofEpochSecond(-1, 5),
                Instant.EPOCH,
                "",
                "");
        assertEquals(gone, MessageInfoCodec.decode(MessageInfoCodec.encode(gone), KEY));
    }

    @Test
    void snapshotSummaryRoundTrips() throws Exception {
        SnapshotSummary s = new SnapshotSummary(
                SnapshotId.parse("ab".repeat(32)), samples.instant(), "mx1", "mx1:/var/vmail", 123_456);
        assertEquals(
                s, SnapshotSummaryCodec.decode(SnapshotId.parse("ab".repeat(32)), SnapshotSummaryCodec.encode(s), KEY));
    }

    @Test
    void mailboxRootListingRoundTripsWithNamesAsBytes() throws Exception {
        String notUtf8 = NameBytes.fromBytes(new byte[] {'.', (byte) 0xE9, 't', (byte) 0xE9});
        MailboxRootListing listing =
                new MailboxRootListing(-5, Long.MAX_VALUE, List.of(".Sent", notUtf8), List.of(".Linked"));
        MailboxRootListing decoded = MailboxRootCodec.decode(MailboxRootCodec.encode(listing), KEY);
        assertEquals(listing, decoded);
        assertArrayEquals(
                NameBytes.toBytes(notUtf8), NameBytes.toBytes(decoded.folders().get(1)));
    }

    @Test
    void mailboxRootListingNamingAnythingButAnEntryOfTheRootIsDamage() {
        for (String bad : new String[] {"..", ".", "", ".a/../../etc"}) {
            byte[] value = new ByteWriter(32)
                    .i64be(1)
                    .i64be(2)
                    .count(1)
                    .name(bad)
                    .count(0)
                    .toByteArray();
            CatalogCorruptException e =
                    assertThrows(CatalogCorruptException.class, () -> MailboxRootCodec.decode(value, KEY), bad);
            assertTrue(e.getMessage().contains("not a directory entry name"), e.getMessage());
        }
    }

    @Test
    void everyTruncationAndTrailingByteIsCorruptNeverAnotherException() {
        check(BlobLocationCodec.encode(samples.location()), v -> BlobLocationCodec.decode(v, KEY));
        check(
                MessageContentCodec.encode(new KnownMessage(samples.content(), 1)),
                v -> MessageContentCodec.decode(v, KEY));
        check(FolderStateCodec.encode(samples.folderState()), v -> FolderStateCodec.decode(v, KEY));
        check(MessageInfoCodec.encode(samples.messageInfo()), v -> MessageInfoCodec.decode(v, KEY));
        check(
                SnapshotSummaryCodec.encode(
                        new SnapshotSummary(SnapshotId.parse("0e".repeat(32)), Instant.EPOCH, "h", "k", 1)),
                v -> SnapshotSummaryCodec.decode(SnapshotId.parse("0e".repeat(32)), v, KEY));
        check(
                MailboxRootCodec.encode(new MailboxRootListing(1, 2, List.of(".A", ".B"), List.of(".L"))),
                v -> MailboxRootCodec.decode(v, KEY));
    }

    @Test
    void randomGarbageDecodesOrIsCorrupt() {
        long seed = System.nanoTime();
        System.out.println("CodecTest.randomGarbageDecodesOrIsCorrupt seed=" + seed);
        Random random = new Random(seed);
        List<Decoder> decoders = List.of(
                v -> BlobLocationCodec.decode(v, KEY),
                v -> MessageContentCodec.decode(v, KEY),
                v -> PlacementCodec.decode("b", v, KEY),
                v -> FolderStateCodec.decode(v, KEY),
                v -> MessageInfoCodec.decode(v, KEY),
                v -> SnapshotSummaryCodec.decode(SnapshotId.parse("0e".repeat(32)), v, KEY),
                v -> MailboxRootCodec.decode(v, KEY));
        for (int i = 0; i < 4_000; i++) {
            byte[] garbage = new byte[random.nextInt(80)];
            random.nextBytes(garbage);
            for (Decoder d : decoders) {
                try {
                    d.decode(garbage);
                } catch (CatalogCorruptException expected) {
                    // fine: garbage may be refused, but only this way
                } catch (RuntimeException e) {
                    fail("seed " + seed + ": " + Arrays.toString(garbage) + " threw " + e, e);
                }
            }
        }
    }

    @Test
    void hugeCountsAreRefusedBeforeAllocating() {
        byte[] value = new ByteWriter(40)
                .blobId(samples.blobId())
                .varint(Integer.MAX_VALUE)
                .toByteArray();
        CatalogCorruptException e =
                assertThrows(CatalogCorruptException.class, () -> MessageContentCodec.decode(value, KEY));
        assertTrue(e.getMessage().contains("body chunk count"), e.getMessage());
        assertTrue(e.getMessage().contains("message content (key 010203)"), e.getMessage());
    }

    @Test
    void invalidUtf8AndUnknownBitsAreCorrupt() {
        byte[] placement = new ByteWriter(12)
                .u8(1)
                .i64be(0)
                .bytes(new byte[] {(byte) 0xC3})
                .toByteArray();
        assertThrows(CatalogCorruptException.class, () -> PlacementCodec.decode("b", placement, KEY));
        byte[] unknownBits = new ByteWriter(12).u8(2).i64be(0).toByteArray();
        assertThrows(CatalogCorruptException.class, () -> PlacementCodec.decode("b", unknownBits, KEY));
        byte[] info = MessageInfoCodec.encode(samples.messageInfo());
        info[0] |= (byte) 0x80;
        assertThrows(CatalogCorruptException.class, () -> MessageInfoCodec.decode(info, KEY));
    }

    @Test
    void keysOfAShorterNameNeverShareTheLongerOnesPrefix() throws Exception {
        byte[] u1 = LmdbKeys.content("u1", "b");
        byte[] u10 = LmdbKeys.content("u10", "b");
        assertTrue(Arrays.compareUnsigned(u1, u10) < 0);
        assertTrue(LmdbKeys.startsWith(u1, LmdbKeys.mailboxPrefix("u1")));
        assertTrue(!LmdbKeys.startsWith(u10, LmdbKeys.mailboxPrefix("u1")));
        assertArrayEquals(new String[] {"u10", "b"}, LmdbKeys.split(u10, 0, "content"));
        assertThrows(IllegalArgumentException.class, () -> LmdbKeys.content("u\0", "b"));
        CatalogException tooLong =
                assertThrows(CatalogException.class, () -> LmdbKeys.content("m".repeat(300), "b".repeat(300)));
        assertTrue(tooLong.getMessage().contains("601 bytes"), tooLong.getMessage());
    }

    @Test
    void baseOrderIsUtf8ByteOrder() {
        long seed = System.nanoTime();
        System.out.println("CodecTest.baseOrderIsUtf8ByteOrder seed=" + seed);
        Random random = new Random(seed);
        String[] atoms = {
            "a",
            "Z",
            "0",
            ".",
            ":",
            ",",
            "\u00e9",
            "\u00ff",
            "\u4e2d",
            "\uff01",
            "\ufffd",
            "\ud83d\udce7",
            "\ud800\udc00"
        };
        for (int i = 0; i < 20_000; i++) {
            String x = randomString(random, atoms);
            String y = randomString(random, atoms);
            int expected = Integer.signum(Arrays.compareUnsigned(
                    x.getBytes(java.nio.charset.StandardCharsets.UTF_8),
                    y.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
            assertEquals(
                    expected, Integer.signum(BaseNames.ORDER.compare(x, y)), "seed " + seed + ": " + x + " vs " + y);
        }
    }

    private static String randomString(Random random, String[] atoms) {
        StringBuilder b = new StringBuilder();
        for (int n = random.nextInt(4); n >= 0; n--) {
            b.append(atoms[random.nextInt(atoms.length)]);
        }
        return b.toString();
    }

    /** Every strict prefix of a valid encoding, and the encoding plus a byte, must be refused as corrupt. */
    private static void check(byte[] valid, Decoder decoder) {
        for (int length = 0; length < valid.length; length++) {
            byte[] truncated = Arrays.copyOf(valid, length);
            assertThrows(CatalogCorruptException.class, () -> decoder.decode(truncated), "truncated to " + length);
        }
        byte[] longer = Arrays.copyOf(valid, valid.length + 1);
        assertThrows(CatalogCorruptException.class, () -> decoder.decode(longer), "trailing byte");
    }
}
