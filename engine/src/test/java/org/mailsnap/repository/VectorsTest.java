package org.mailsnap.repository;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.mailsnap.chunk.ChunkerParams;
import org.mailsnap.chunk.RecordChunker;
import org.mailsnap.codec.CorruptDataException;
import org.mailsnap.codec.UnsupportedVersionException;
import org.mailsnap.compress.Compression;
import org.mailsnap.crypto.Aead;
import org.mailsnap.crypto.Argon2Kdf;
import org.mailsnap.crypto.Argon2Params;
import org.mailsnap.crypto.CryptoTestAccess;
import org.mailsnap.crypto.SubKeys;
import org.mailsnap.model.BlobId;
import org.mailsnap.model.BlobType;
import org.mailsnap.model.ObjectId;
import org.mailsnap.model.PackId;
import org.mailsnap.snapshot.ManifestVectors;

/** Reads back every file of {@code format-spec/vectors/}; fails on a file it does not check. */
class VectorsTest {
    static final Path DIRECTORY = Path.of("..", "format-spec", "vectors");

    @Test
    void everyVectorFileIsReadAndChecked() throws Exception {
        Set<String> testsSeen = new HashSet<>();
        int files = 0;
        try (Stream<Path> paths = Files.list(DIRECTORY)) {
            for (Path path : paths.sorted().toList()) {
                Map<String, String> v = parse(path);
                String name = path.getFileName().toString();
                boolean success = switch (v.get("expect")) {
                    case "success" -> true;
                    case "failure" -> false;
                    default -> throw new AssertionError(name + ": expect must be success or failure");
                };
                assertTrue(v.containsKey("comment"), name + " has no comment");
                String test = v.get("test");
                switch (test) {
                    case "argon2id" -> argon2id(v);
                    case "hkdf-subkeys" -> hkdf(v);
                    case "blob-id" -> blobId(v);
                    case "record-cuts" -> recordCuts(v);
                    case "blob-encryption" -> blobEncryption(v);
                    case "pack" -> pack(v, success, name);
                    case "object" -> object(v);
                    case "config" -> config(v, success, name);
                    case "key-file" -> keyFile(v, success, name);
                    case "manifest" -> ManifestVectors.check(v, success);
                    case "snapshot" -> org.mailsnap.snapshot.SnapshotVectors.check(v, success);
                    case "ledger" -> org.mailsnap.snapshot.LedgerVectors.check(v, success);
                    default -> fail(name + ": unknown test " + test);
                }
                testsSeen.add(test + (success ? "" : "/failure"));
                files++;
            }
        }
        assertEquals(
                Set.of(
                        "argon2id",
                        "hkdf-subkeys",
                        "blob-id",
                        "record-cuts",
                        "blob-encryption",
                        "pack",
                        "pack/failure",
                        "object",
                        "config",
                        "config/failure",
                        "key-file",
                        "key-file/failure",
                        "manifest",
                        "manifest/failure",
                        "snapshot",
                        "snapshot/failure",
                        "ledger",
                        "ledger/failure"),
                testsSeen);
        assertTrue(files >= 20, files + " vector files");
    }

    @Test
    void generatorStillProducesTheCheckedInFiles() throws Exception {
        Map<String, String> generated = new TreeMap<>(VectorGenerator.generate());
        Map<String, String> onDisk = new TreeMap<>();
        try (Stream<Path> paths = Files.list(DIRECTORY)) {
            for (Path path : paths.toList()) {
                onDisk.put(path.getFileName().toString(), Files.readString(path, StandardCharsets.UTF_8));
            }
        }
        assertEquals(generated.keySet(), onDisk.keySet());
        for (String name : generated.keySet()) {
            assertEquals(generated.get(name), onDisk.get(name), name + " differs from what the generator writes");
        }
    }

    private static void argon2id(Map<String, String> v) {
        Argon2Params params = new Argon2Params(
                Integer.parseInt(v.get("memory_kib")),
                Integer.parseInt(v.get("iterations")),
                Integer.parseInt(v.get("parallelism")));
        char[] password = new String(hex(v, "password"), StandardCharsets.UTF_8).toCharArray();
        assertArrayEquals(hex(v, "kek"), Argon2Kdf.derive(password, hex(v, "salt"), params));
    }

    private static void hkdf(Map<String, String> v) {
        SubKeys keys = SubKeys.derive(hex(v, "master_key"));
        byte[] salt = hex(v, "salt");
        assertArrayEquals(hex(v, "id_key"), CryptoTestAccess.idKey(keys));
        assertArrayEquals(hex(v, "data_key"), CryptoTestAccess.dataKey(keys));
        assertArrayEquals(hex(v, "config_mac_key"), CryptoTestAccess.configMacKey(keys));
        assertArrayEquals(hex(v, "chunker_seed"), keys.chunkerSeed());
        assertArrayEquals(hex(v, "pack_key"), keys.packKey(salt).getEncoded());
        for (String kind : List.of("index", "snapshot", "lock")) {
            assertArrayEquals(
                    hex(v, "object_key_" + kind), keys.objectKey(kind, salt).getEncoded());
        }
    }

    private static void blobId(Map<String, String> v) {
        SubKeys keys = SubKeys.derive(hex(v, "master_key"));
        assertArrayEquals(
                hex(v, "blob_id"), keys.idHasher().hash(hex(v, "plaintext")).toBytes());
    }

    private static void recordCuts(Map<String, String> v) {
        ChunkerParams params = new ChunkerParams(
                Integer.parseInt(v.get("min")), Integer.parseInt(v.get("average")), Integer.parseInt(v.get("max")));
        RecordChunker chunker = new RecordChunker(hex(v, "chunker_seed"), params, Integer.parseInt(v.get("typical")));
        int recordBytes = Integer.parseInt(v.get("record_bytes"));
        String[] keys = v.get("keys").split(" ");
        String[] hashes = v.get("hashes").split(" ");
        assertEquals(keys.length, hashes.length);
        List<String> cuts = new java.util.ArrayList<>();
        int chunkBytes = 1;
        for (int i = 0; i < keys.length; i++) {
            assertEquals(Long.parseUnsignedLong(hashes[i], 16), chunker.hash(keys[i]), "hash of " + keys[i]);
            chunkBytes += recordBytes;
            if (chunker.cutAfter(keys[i], chunkBytes)) {
                cuts.add(Integer.toString(i));
                chunkBytes = 1;
            }
        }
        assertEquals(v.get("cuts_after"), String.join(" ", cuts));
    }

    private static void blobEncryption(Map<String, String> v) throws Exception {
        SubKeys keys = SubKeys.derive(hex(v, "master_key"));
        byte[] plaintext = hex(v, "plaintext");
        int position = Integer.parseInt(v.get("position"));
        BlobType type = BlobType.ofCode(Integer.parseInt(v.get("type")));
        BlobId id = keys.idHasher().hash(plaintext);
        assertArrayEquals(hex(v, "blob_id"), id.toBytes());
        assertArrayEquals(hex(v, "pack_key"), keys.packKey(hex(v, "pack_salt")).getEncoded());
        assertArrayEquals(hex(v, "nonce"), Aead.blobNonce(position));
        byte[] compressed = hex(v, "compressed");
        PackEntry entry = new PackEntry(type, true, id, 0, compressed.length + 16, plaintext.length);
        assertArrayEquals(hex(v, "aad"), PackFormat.blobAad(entry));
        assertArrayEquals(plaintext, Compression.decompress(compressed, plaintext.length));
        byte[] ciphertext = hex(v, "ciphertext");
        assertArrayEquals(
                ciphertext, Aead.seal(keys.packKey(hex(v, "pack_salt")), hex(v, "nonce"), hex(v, "aad"), compressed));
        assertArrayEquals(
                plaintext,
                PackReader.openBlob(
                        keys.packKey(hex(v, "pack_salt")),
                        keys.idHasher(),
                        new PackId("00".repeat(32)),
                        entry,
                        position,
                        ciphertext));
    }

    private static void pack(Map<String, String> v, boolean success, String name) throws Exception {
        SubKeys keys = SubKeys.derive(hex(v, "master_key"));
        byte[] pack = hex(v, "pack");
        PackId id = new PackId(v.get("pack_id"));
        if (success) {
            ObjectStore.verifyName(PackFormat.describe(id), pack, id.hex());
            List<byte[]> blobs = CorruptionTest.readAll(pack, id, keys);
            for (int i = 0; i < blobs.size(); i++) {
                assertArrayEquals(hex(v, "blob_" + i), blobs.get(i), name + " blob " + i);
            }
            assertNull(v.get("blob_" + blobs.size()), name + " lists more blobs than the pack holds");
        } else {
            assertEquals("corrupt", v.get("error"));
            CorruptObjectException e =
                    assertThrows(CorruptObjectException.class, () -> CorruptionTest.readAll(pack, id, keys), name);
            assertEquals(v.get("message"), e.problem(), name);
        }
    }

    private static void object(Map<String, String> v) throws Exception {
        SubKeys keys = SubKeys.derive(hex(v, "master_key"));
        ObjectKind kind = ObjectKind.valueOf(v.get("kind").toUpperCase(java.util.Locale.ROOT));
        byte[] object = hex(v, "object");
        assertEquals(v.get("object_id"), org.mailsnap.crypto.Sha256.hex(object));
        byte[] payload = ObjectCodec.decode(kind, ObjectId.parse(v.get("object_id")), object, keys);
        assertArrayEquals(hex(v, "payload"), payload);
        if (kind == ObjectKind.INDEX) {
            IndexFile file = IndexFile.decode(org.mailsnap.model.ObjectId.parse(v.get("object_id")), payload);
            assertTrue(file.entryCount() > 0);
        }
    }

    private static void config(Map<String, String> v, boolean success, String name) throws Exception {
        byte[] config = hex(v, "config");
        if (success) {
            RepositoryConfig parsed = ConfigCodec.parse(config, "vector");
            ConfigCodec.verifyMac(config, SubKeys.derive(hex(v, "master_key")));
            assertEquals(v.get("repository_id"), parsed.repositoryId());
            assertEquals(
                    v.get("chunker"),
                    parsed.chunker().min() + " " + parsed.chunker().average() + " "
                            + parsed.chunker().max());
        } else {
            assertEquals("unsupported-version", v.get("error"), name);
            UnsupportedVersionException e =
                    assertThrows(UnsupportedVersionException.class, () -> ConfigCodec.parse(config, "vector"));
            assertEquals(v.get("message"), "found " + e.found() + ", supported " + e.min() + ".." + e.max());
        }
    }

    private static void keyFile(Map<String, String> v, boolean success, String name) throws Exception {
        char[] password = new String(hex(v, "password"), StandardCharsets.UTF_8).toCharArray();
        byte[] file = hex(v, "key_file");
        String keyId = v.get("key_id");
        if (success) {
            KeyFile parsed = KeyFile.parse(keyId, file);
            assertEquals(v.get("repository_id"), parsed.repositoryId());
            assertArrayEquals(hex(v, "master_key"), parsed.unlock(password));
            return;
        }
        switch (v.get("error")) {
            case "corrupt" -> {
                CorruptDataException e =
                        assertThrows(CorruptDataException.class, () -> KeyFile.parse(keyId, file), name);
                assertTrue(e.problem().startsWith(v.get("message")), e.problem());
            }
            case "wrong-password" -> assertNull(KeyFile.parse(keyId, file).unlock(password), name);
            default -> fail(name + ": unknown error kind " + v.get("error"));
        }
    }

    private static byte[] hex(Map<String, String> v, String field) {
        String value = v.get(field);
        if (value == null) {
            throw new AssertionError("vector lacks field " + field);
        }
        return Hex.FORMAT.parseHex(value);
    }

    static Map<String, String> parse(Path path) throws IOException {
        Map<String, String> fields = new LinkedHashMap<>();
        for (String line : Files.readAllLines(path, StandardCharsets.UTF_8)) {
            if (line.isBlank()) {
                continue;
            }
            int colon = line.indexOf(": ");
            if (colon < 0 || fields.put(line.substring(0, colon), line.substring(colon + 2)) != null) {
                throw new AssertionError(path + ": bad or repeated line: " + line);
            }
        }
        return fields;
    }
}
