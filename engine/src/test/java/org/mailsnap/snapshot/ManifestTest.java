package org.mailsnap.snapshot;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.mailsnap.chunk.RecordChunker;
import org.mailsnap.codec.ByteWriter;
import org.mailsnap.codec.CorruptDataException;
import org.mailsnap.model.BaseNames;
import org.mailsnap.model.BlobId;
import org.mailsnap.model.MessageContent;
import org.mailsnap.model.Placement;

class ManifestTest {
    private final RecordChunker chunker = ManifestWriter.chunker("seed".getBytes(StandardCharsets.UTF_8));
    private final MemoryBlobs blobs = new MemoryBlobs();

    private static BlobId id(Random r) {
        byte[] b = new byte[32];
        r.nextBytes(b);
        return BlobId.of(b);
    }

    private static List<Placement> folder(long seed, int n) {
        Random r = new Random(seed);
        List<Placement> list = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String base = String.format(
                    "17%08d.M%dP%d.mail,S=%d,W=%d", i, r.nextInt(999999), r.nextInt(99999), 1000 + i, 1020 + i);
            List<BlobId> body = i % 7 == 0 ? List.of() : List.of(id(r), id(r));
            list.add(new Placement(
                    base + ":2,S", r.nextBoolean(), r.nextLong() >>> 1, new MessageContent(id(r), body, 1000 + i)));
        }
        return list;
    }

    private List<BlobId> write(List<Placement> placements) throws Exception {
        ManifestWriter w = new ManifestWriter(chunker, BaseNames.DOVECOT, blobs);
        for (Placement p : placements) {
            w.add(p);
        }
        return w.finish();
    }

    @Test
    void roundTrip() throws Exception {
        long seed = System.nanoTime();
        System.out.println("ManifestTest seed " + seed);
        List<Placement> placements = folder(seed, 3000);
        List<BlobId> manifest = write(placements);
        assertTrue(manifest.size() > 10, "a 3000-message folder spans many chunks: " + manifest.size());
        List<Placement> back = new ArrayList<>();
        ChunkCursor.manifest(manifest, blobs).forEachRemaining(back::add);
        assertEquals(placements, back);
    }

    @Test
    void oneFlagChangeRewritesOneChunk() throws Exception {
        List<Placement> placements = folder(42, 3000);
        Set<BlobId> before = new HashSet<>(write(placements));
        Placement p = placements.get(1234);
        placements.set(1234, new Placement(p.name().replace(":2,S", ":2,FS"), true, p.mtimeNanos(), p.content()));
        List<BlobId> after = write(placements);
        long fresh = after.stream().filter(id -> !before.contains(id)).count();
        assertEquals(1, fresh, "exactly one new chunk");
        assertEquals(before.size(), after.size());
    }

    @Test
    void emptyFolderHasNoChunks() throws Exception {
        assertEquals(List.of(), write(List.of()));
    }

    @Test
    void outOfOrderEntriesAreAProgrammerError() throws Exception {
        List<Placement> placements = folder(1, 2);
        ManifestWriter w = new ManifestWriter(chunker, BaseNames.DOVECOT, blobs);
        w.add(placements.get(1));
        assertThrows(IllegalArgumentException.class, () -> w.add(placements.get(0)));
    }

    @Test
    void hostileNamesAreRefused() throws Exception {
        for (String name : List.of("../../etc/passwd", "a/b", "..", ".", "", "x\0y")) {
            ByteWriter e = new ByteWriter(256);
            e.u8(ManifestCodec.VERSION);
            ManifestCodec.writeEntry(
                    e, new Placement(name, true, 0, new MessageContent(BlobId.of(new byte[32]), List.of(), 0)));
            BlobId id = blobs.put(org.mailsnap.model.BlobType.METADATA, e.toByteArray());
            CorruptDataException ex = assertThrows(
                    CorruptDataException.class,
                    () -> ChunkCursor.manifest(List.of(id), blobs).forEachRemaining(p -> {}));
            assertTrue(ex.getMessage().contains("unsafe"), ex.getMessage());
        }
    }

    @Test
    void randomBytesNeverDecodeIntoSomethingElse() {
        long seed = System.nanoTime();
        System.out.println("ManifestTest fuzz seed " + seed);
        Random r = new Random(seed);
        for (int i = 0; i < 2000; i++) {
            byte[] junk = new byte[1 + r.nextInt(300)];
            r.nextBytes(junk);
            junk[0] = 1;
            try {
                ManifestCodec.readChunk(junk, BlobId.of(new byte[32]));
            } catch (CorruptDataException expected) {
                // the only acceptable failure
            }
        }
    }

    @Test
    void baseOrderIsUtf8ByteOrder() {
        long seed = System.nanoTime();
        System.out.println("ManifestTest order seed " + seed);
        Random r = new Random(seed);
        int[] alphabet = {'a', 'z', ',', '.', 0xE9, 0x4E2D, 0xFF5E, 0x1F600, 0xD7FF, 0xE000};
        for (int i = 0; i < 20000; i++) {
            String a = randomString(r, alphabet);
            String b = randomString(r, alphabet);
            int expected = Integer.signum(java.util.Arrays.compareUnsigned(
                    a.getBytes(java.nio.charset.StandardCharsets.UTF_8),
                    b.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
            assertEquals(expected, Integer.signum(BaseNames.ORDER.compare(a, b)), a + " vs " + b);
        }
    }

    private static String randomString(Random r, int[] alphabet) {
        StringBuilder sb = new StringBuilder();
        int n = r.nextInt(4);
        for (int i = 0; i < n; i++) {
            sb.appendCodePoint(alphabet[r.nextInt(alphabet.length)]);
        }
        return sb.toString();
    }
}
