package org.mailsnap.repository;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mailsnap.codec.CorruptDataException;
import org.mailsnap.crypto.SubKeys;
import org.mailsnap.model.BlobId;
import org.mailsnap.model.BlobType;
import org.mailsnap.model.ObjectId;
import org.mailsnap.model.PackId;
import org.mailsnap.storage.MemoryStorage;
import org.mailsnap.storage.ObjectInfo;

/** Every single-byte change of a good pack, key file or index object is detected; none yields wrong data. */
class CorruptionTest {
    private final MemoryStorage storage = new MemoryStorage();
    private final List<byte[]> plaintexts =
            List.of(new byte[0], new byte[] {42}, "Subject: hello\r\n".repeat(8).getBytes(StandardCharsets.US_ASCII));

    private Repository repoWithOnePack() throws Exception {
        Repository repo = Repository.init(
                storage, "pw".toCharArray(), TestRepositories.options(5).build());
        BlobStore blobs = repo.openBlobStore(new MemoryBlobIndex());
        for (byte[] p : plaintexts) {
            blobs.put(BlobType.DATA, p);
        }
        blobs.flush();
        return repo;
    }

    private String onlyPackName() throws Exception {
        List<ObjectInfo> packs = storage.list("data/");
        assertEquals(1, packs.size());
        return packs.get(0).name();
    }

    @Test
    void everyFlippedByteOfAPackIsDetectedWhenParsedWhole() throws Exception {
        Repository repo = repoWithOnePack();
        SubKeys keys = BlobStoreTest.keysOf(repo);
        String name = onlyPackName();
        PackId id = new PackId(name.substring(name.lastIndexOf('/') + 1));
        byte[] good = storage.get(name);
        List<byte[]> read = readAll(good, id, keys);
        assertEquals(plaintexts.size(), read.size());
        assertTrue(good.length < 400, "keep the pack small: " + good.length);
        for (int i = 0; i < good.length; i++) {
            for (int mask : new int[] {0x01, 0x80}) {
                byte[] bad = good.clone();
                bad[i] ^= (byte) mask;
                assertThrows(CorruptDataException.class, () -> readAll(bad, id, keys), "byte " + i + " ^ " + mask);
                assertThrows(
                        CorruptObjectException.class,
                        () -> ObjectStore.verifyName(PackFormat.describe(id), bad, id.hex()));
            }
        }
    }

    @Test
    void everyFlippedByteOfAPackGivesAnErrorOrTheRightBlobThroughGet() throws Exception {
        Repository repo = repoWithOnePack();
        MemoryBlobIndex index = new MemoryBlobIndex();
        repo.indexSync().loadAll(index);
        String name = onlyPackName();
        byte[] good = storage.get(name);
        for (int i = 0; i < good.length; i++) {
            byte[] bad = good.clone();
            bad[i] ^= 0x04;
            storage.put(name, bad);
            BlobStore blobs = repo.openBlobStore(index); // fresh pack-key cache
            for (byte[] expected : plaintexts) {
                BlobId blobId = repo.blobId(expected);
                try {
                    assertArrayEquals(expected, blobs.get(blobId), "byte " + i + " returned wrong data");
                } catch (CorruptDataException e) {
                    assertTrue(
                            e.getMessage().startsWith("blob ") || e.getMessage().startsWith("pack "), e.getMessage());
                }
                // The lending read makes the same checks, and lends nothing it did not check.
                java.io.ByteArrayOutputStream lent = new java.io.ByteArrayOutputStream();
                try {
                    int length = blobs.inStoredOrder().read(blobId, lent::write);
                    assertArrayEquals(expected, lent.toByteArray(), "byte " + i + " lent wrong data");
                    assertEquals(expected.length, length);
                } catch (CorruptDataException e) {
                    assertTrue(
                            e.getMessage().startsWith("blob ") || e.getMessage().startsWith("pack "), e.getMessage());
                    assertEquals(0, lent.size(), "byte " + i + ": bytes lent before the checks failed");
                }
            }
        }
    }

    @Test
    void truncatedPackSaysSo() throws Exception {
        Repository repo = repoWithOnePack();
        String name = onlyPackName();
        PackId id = new PackId(name.substring(name.lastIndexOf('/') + 1));
        byte[] good = storage.get(name);
        for (int cut = 1; cut < good.length; cut += 7) {
            byte[] truncated = Arrays.copyOf(good, good.length - cut);
            CorruptObjectException e = assertThrows(
                    CorruptObjectException.class, () -> PackReader.parse(truncated, id, BlobStoreTest.keysOf(repo)));
            assertEquals("pack " + id.hex().substring(0, 8) + "…: trailer missing (file truncated?)", e.getMessage());
        }
    }

    @Test
    void blobsSwappedWithinAPackFailAuthentication() throws Exception {
        Repository repo = Repository.init(
                storage, "pw".toCharArray(), TestRepositories.options(5).build());
        BlobStore blobs = repo.openBlobStore(new MemoryBlobIndex());
        BlobId a = blobs.put(BlobType.DATA, "aaaa".getBytes(StandardCharsets.US_ASCII));
        BlobId b = blobs.put(BlobType.DATA, "bbbb".getBytes(StandardCharsets.US_ASCII));
        blobs.flush();
        String name = onlyPackName();
        byte[] pack = storage.get(name);
        // both ciphertexts are 4 + 16 bytes, at 42 and 62: swap them
        byte[] swapped = pack.clone();
        System.arraycopy(pack, 42, swapped, 62, 20);
        System.arraycopy(pack, 62, swapped, 42, 20);
        storage.put(name, swapped);
        MemoryBlobIndex index = new MemoryBlobIndex();
        repo.indexSync().loadAll(index);
        BlobStore reader = repo.openBlobStore(index);
        CorruptObjectException e = assertThrows(CorruptObjectException.class, () -> reader.get(a));
        assertTrue(e.getMessage().contains("MAC mismatch"), e.getMessage());
        assertThrows(CorruptObjectException.class, () -> reader.get(b));
        CorruptObjectException lent = assertThrows(
                CorruptObjectException.class,
                () -> reader.inStoredOrder().read(a, (bytes, offset, length) -> fail("lent unauthenticated bytes")));
        assertEquals(e.getMessage(), lent.getMessage());
    }

    @Test
    void everyFlippedByteOfAKeyFileIsDetected() throws Exception {
        Repository.init(
                storage,
                "pw".toCharArray(),
                TestRepositories.options(5).keyLabel("me@h").build());
        String name = storage.list("keys/").get(0).name();
        String keyId = name.substring("keys/".length());
        byte[] good = storage.get(name);
        assertTrue(KeyFile.parse(keyId, good).unlock("pw".toCharArray()) != null);
        int corrupt = 0;
        int wrongPassword = 0;
        for (int i = 0; i < good.length; i++) {
            byte[] bad = good.clone();
            bad[i] ^= 0x01;
            storage.put(name, bad);
            try {
                KeyFile parsed = KeyFile.parse(keyId, bad);
                if (parsed.repositoryId()
                                .equals(Repository.open(storage, "pw".toCharArray())
                                        .config()
                                        .repositoryId())
                        && parsed.unlock("pw".toCharArray()) != null) {
                    fail("byte " + i + " flipped and the key file still opened");
                }
                fail("byte " + i + ": open succeeded");
            } catch (CorruptDataException e) {
                corrupt++;
            } catch (WrongPasswordException e) {
                wrongPassword++;
            }
        }
        storage.put(name, good);
        Repository.open(storage, "pw".toCharArray(), TestRepositories.options(6).build());
        assertEquals(good.length, corrupt + wrongPassword);
        assertTrue(corrupt > 0 && wrongPassword > 0, corrupt + " corrupt, " + wrongPassword + " wrong password");
    }

    @Test
    void everyFlippedByteOfAnIndexObjectIsDetected() throws Exception {
        Repository repo = repoWithOnePack();
        SubKeys keys = BlobStoreTest.keysOf(repo);
        String name = storage.list("index/").get(0).name();
        ObjectId id = ObjectId.parse(name.substring("index/".length()));
        byte[] good = storage.get(name);
        byte[] payload = ObjectCodec.decode(ObjectKind.INDEX, id, good, keys);
        assertEquals(plaintexts.size(), IndexFile.decode(id, payload).entryCount());
        for (int i = 0; i < good.length; i++) {
            byte[] bad = good.clone();
            bad[i] ^= 0x01;
            assertThrows(
                    CorruptDataException.class, () -> ObjectCodec.decode(ObjectKind.INDEX, id, bad, keys), "byte " + i);
            storage.put(name, bad);
            assertThrows(CorruptDataException.class, () -> repo.objects().load(ObjectKind.INDEX, id));
        }
        assertThrows(CorruptObjectException.class, () -> ObjectCodec.decode(ObjectKind.SNAPSHOT, id, good, keys));
    }

    /** Every blob of a pack held in memory, in order, each opened and checked as a reader would. */
    static List<byte[]> readAll(byte[] pack, PackId packId, SubKeys keys) throws CorruptDataException {
        ParsedPack parsed = PackReader.parse(pack, packId, keys);
        List<byte[]> blobs = new ArrayList<>();
        for (int i = 0; i < parsed.entries().size(); i++) {
            PackEntry entry = parsed.entries().get(i);
            byte[] ciphertext = Arrays.copyOfRange(pack, (int) entry.offset(), (int) entry.offset() + entry.length());
            blobs.add(PackReader.openBlob(parsed.key(), keys.idHasher(), packId, entry, i, ciphertext));
        }
        return blobs;
    }
}
