package org.mailsnap.snapshot;

import static org.junit.jupiter.api.Assertions.*;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.mailsnap.codec.ByteWriter;
import org.mailsnap.codec.CorruptDataException;
import org.mailsnap.model.BaseNames;
import org.mailsnap.model.BlobId;
import org.mailsnap.model.FolderKey;
import org.mailsnap.model.MessageContent;
import org.mailsnap.model.Placement;
import org.mailsnap.model.RandomIds;

class ManifestTest {
    private static final FolderKey INBOX = new FolderKey("ann", "");
    private static final FolderKey ARCHIVE = new FolderKey("ann", ".Archive");
    private final ManifestWriter.Chunkers chunkers =
            ManifestWriter.Chunkers.of("seed".getBytes(java.nio.charset.StandardCharsets.UTF_8));
    private final MemoryBlobs blobs = new MemoryBlobs();

    private static List<Placement> folder(long seed, int n) {
        Random r = new Random(seed);
        List<Placement> list = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String base = String.format(
                    "17%08d.M%dP%d.mail,S=%d,W=%d", i, r.nextInt(999999), r.nextInt(99999), 1000 + i, 1020 + i);
            List<BlobId> body = i % 7 == 0 ? List.of() : List.of(RandomIds.blobId(r), RandomIds.blobId(r));
            list.add(new Placement(
                    base + (i % 5 == 0 ? "" : ":2,S"),
                    r.nextBoolean(),
                    r.nextLong() >>> 1,
                    new MessageContent(RandomIds.blobId(r), body, 1000 + i)));
        }
        return list;
    }

    private Map<FolderKey, List<BlobId>> write(Map<FolderKey, List<Placement>> folders) throws Exception {
        ManifestWriter w = new ManifestWriter(chunkers, BaseNames.DOVECOT, blobs);
        folders.forEach(w::folder);
        return w.finish();
    }

    private List<BlobId> write(List<Placement> placements) throws Exception {
        return write(Map.of(INBOX, placements)).get(INBOX);
    }

    private List<Placement> read(List<BlobId> manifest) throws Exception {
        List<Placement> back = new ArrayList<>();
        ChunkCursor.manifest(manifest, blobs).forEachRemaining(back::add);
        return back;
    }

    /** The placements of {@code all} at even positions go to INBOX, the others to the archive. */
    private static Map<FolderKey, List<Placement>> split(List<Placement> all) {
        List<Placement> inbox = new ArrayList<>();
        List<Placement> archive = new ArrayList<>();
        for (int i = 0; i < all.size(); i++) {
            (i % 2 == 0 ? inbox : archive).add(all.get(i));
        }
        Map<FolderKey, List<Placement>> folders = new TreeMap<>();
        folders.put(INBOX, inbox);
        folders.put(ARCHIVE, archive);
        return folders;
    }

    private static Set<BlobId> union(Map<FolderKey, List<BlobId>> manifests) {
        Set<BlobId> all = new HashSet<>();
        manifests.values().forEach(all::addAll);
        return all;
    }

    @Test
    void roundTrip() throws Exception {
        long seed = System.nanoTime();
        System.out.println("ManifestTest seed " + seed);
        List<Placement> all = folder(seed, 3000);
        Map<FolderKey, List<Placement>> folders = split(all);
        List<Placement> copies = new ArrayList<>(); // a copy of every 10th archived message, under other flags
        for (int i = 0; i < folders.get(ARCHIVE).size(); i += 10) {
            Placement p = folders.get(ARCHIVE).get(i);
            copies.add(p.at(BaseNames.DOVECOT.baseOf(p.name()) + ":2,T", "", true));
        }
        folders.put(new FolderKey("ann", ".Trash"), copies);
        Map<FolderKey, List<BlobId>> manifests = write(folders);
        assertTrue(manifests.get(INBOX).size() > 5, "a 1500-message folder spans several chunks");
        assertEquals(manifests.get(INBOX).get(0), manifests.get(ARCHIVE).get(0), "one content index per mailbox");
        for (Map.Entry<FolderKey, List<Placement>> folder : folders.entrySet()) {
            assertEquals(
                    folder.getValue(),
                    read(manifests.get(folder.getKey())),
                    folder.getKey().toString());
        }
    }

    @Test
    void oneFlagChangeRewritesOnePlacementChunk() throws Exception {
        List<Placement> placements = folder(42, 3000);
        Set<BlobId> before = new HashSet<>(write(placements));
        Placement p = placements.get(1234);
        placements.set(1234, p.at(p.name().replace(":2,S", ":2,FS"), "", true));
        List<BlobId> after = write(placements);
        assertEquals(1, after.stream().filter(id -> !before.contains(id)).count(), "exactly one new chunk");
        assertEquals(before.size(), after.size());
        assertEquals(placements, read(after));
    }

    @Test
    void aMoveRewritesOnePlacementChunkInEachFolderAndNoContent() throws Exception {
        Map<FolderKey, List<Placement>> folders = split(folder(7, 3000));
        int before = blobs.blobs.size();
        Set<BlobId> old = union(write(folders));
        int written = blobs.blobs.size() - before;
        Placement moved = folders.get(ARCHIVE).remove(700);
        List<Placement> inbox = new ArrayList<>(folders.get(INBOX));
        inbox.add(701, moved);
        folders.put(INBOX, inbox);
        Map<FolderKey, List<BlobId>> after = write(folders);
        Set<BlobId> fresh = new HashSet<>(union(after));
        fresh.removeAll(old);
        assertEquals(2, fresh.size(), "one placement chunk in each folder: " + fresh.size() + " of " + written);
        assertEquals(inbox, read(after.get(INBOX)));
        assertEquals(folders.get(ARCHIVE), read(after.get(ARCHIVE)));
    }

    @Test
    void emptyFolderHasNoChunks() throws Exception {
        assertEquals(List.of(), write(List.of()));
        assertEquals(
                List.of(),
                write(Map.of(INBOX, folder(1, 3), ARCHIVE, List.of())).get(ARCHIVE));
    }

    @Test
    void outOfOrderEntriesAreAProgrammerError() throws Exception {
        List<Placement> placements = folder(1, 2);
        ManifestWriter w = new ManifestWriter(chunkers, BaseNames.DOVECOT, blobs);
        assertThrows(
                IllegalArgumentException.class, () -> w.folder(INBOX, List.of(placements.get(1), placements.get(0))));
    }

    @Test
    void version3ChunksAreNotMixedWithOlderOnes() throws Exception {
        List<BlobId> manifest = write(folder(3, 20));
        ByteWriter v2 = new ByteWriter(256).u8(ManifestCodec.VERSION);
        ManifestCodec.writeEntry(v2, folder(4, 1).get(0));
        BlobId old = blobs.put(org.mailsnap.model.BlobType.METADATA, v2.toByteArray());
        List<BlobId> mixed = new ArrayList<>(manifest);
        mixed.add(old);
        assertThrows(CorruptDataException.class, () -> read(mixed));
        assertThrows(CorruptDataException.class, () -> read(List.of(old, manifest.get(1))));
        assertThrows(CorruptDataException.class, () -> read(manifest.subList(0, 1)), "an index alone");
        assertThrows(CorruptDataException.class, () -> read(manifest.subList(1, manifest.size())), "no index");
    }

    @Test
    void hostileSuffixIsRefused() throws Exception {
        List<Placement> one = folder(5, 1);
        Placement p = one.get(0);
        List<BlobId> manifest = write(List.of(p.at(BaseNames.DOVECOT.baseOf(p.name()) + ":2,S/../../x", "", true)));
        CorruptDataException ex = assertThrows(CorruptDataException.class, () -> read(manifest));
        assertTrue(ex.getMessage().contains("unsafe"), ex.getMessage());
    }

    @Test
    void hostileNamesAreRefused() throws Exception {
        for (String name : List.of("../../etc/passwd", "a/b", "..", ".", "", "x\0y")) {
            ByteWriter e = new ByteWriter(256).u8(ManifestCodec.VERSION);
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
            byte[] junk = new byte[2 + r.nextInt(300)];
            r.nextBytes(junk);
            junk[0] = (byte) (1 + i % 3);
            junk[1] = (byte) (i % 4);
            try {
                if (junk[0] != 3) {
                    ManifestCodec.readChunk(junk, BlobId.of(new byte[32]));
                } else {
                    ManifestChunks.visit(BlobId.of(new byte[32]), id -> junk, new ManifestChunks.Visitor() {
                        @Override
                        public boolean enter(BlobId chunk) {
                            return false;
                        }

                        @Override
                        public void content(Placement placement) {}
                    });
                }
            } catch (CorruptDataException expected) {
                // the only acceptable failure
            } catch (java.io.IOException e) {
                fail(e);
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
