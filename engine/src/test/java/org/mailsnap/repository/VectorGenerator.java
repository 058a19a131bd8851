package org.mailsnap.repository;

import java.io.IOException;
import java.lang.reflect.Field;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.mailsnap.chunk.ChunkerParams;
import org.mailsnap.chunk.RecordChunker;
import org.mailsnap.compress.Compression;
import org.mailsnap.crypto.Aead;
import org.mailsnap.crypto.Argon2Kdf;
import org.mailsnap.crypto.Argon2Params;
import org.mailsnap.crypto.CryptoTestAccess;
import org.mailsnap.crypto.SubKeys;
import org.mailsnap.model.BlobId;
import org.mailsnap.model.BlobType;
import org.mailsnap.model.ObjectId;
import org.mailsnap.snapshot.ManifestVectors;
import org.mailsnap.storage.MemoryStorage;

/**
 * Writes the test vectors of {@code format-spec/vectors/}, deterministically (seeded randomness, fixed clock), by
 * running the real code. {@code VectorsTest} reads them back and also checks that this generator still produces
 * exactly the checked-in files.
 *
 * <p>Run from {@code engine/} after {@code mvn -pl engine -am test-compile}: {@code java -cp
 * target/test-classes:target/classes:<bcprov jar>:<zstd-jni jar> org.mailsnap.repository.VectorGenerator
 * ../format-spec/vectors} (the argument is the target folder).
 */
public final class VectorGenerator {
    static final String PASSWORD = "correct horse battery staple";
    static final long SEED = 0x6d61696c736e6170L;

    private VectorGenerator() {}

    public static void main(String[] args) throws Exception {
        Path target = Path.of(args.length > 0 ? args[0] : "../format-spec/vectors");
        Files.createDirectories(target);
        write(target, generate());
    }

    /** File name → content. */
    static Map<String, String> generate() throws Exception {
        Map<String, String> files = new LinkedHashMap<>();
        MemoryStorage storage = new MemoryStorage();
        Repository repo = Repository.init(
                storage,
                PASSWORD.toCharArray(),
                TestRepositories.options(SEED).keyLabel("vectors@mailsnap").build());
        byte[] master = masterKey(repo);
        SubKeys keys = SubKeys.derive(master);

        files.put("argon2id-kdf.txt", argon2());
        files.put("hkdf-subkeys.txt", subkeys(master, keys));
        files.put(
                "blob-id.txt",
                new Vector("success", "blob id = HMAC-SHA-256(id key, plaintext)", "blob-id")
                        .hex("master_key", master)
                        .hex("plaintext", "Subject: test vector\r\n\r\n".getBytes(StandardCharsets.US_ASCII))
                        .hex(
                                "blob_id",
                                keys.idHasher()
                                        .hash("Subject: test vector\r\n\r\n".getBytes(StandardCharsets.US_ASCII))
                                        .toBytes())
                        .text());
        files.put("blob-encryption.txt", blobEncryption(master, keys));
        files.put("record-cuts.txt", recordCuts());
        files.put(
                "manifest-v2.txt",
                fields(
                        new Vector(
                                "success",
                                "a version 2 manifest (format-spec/snapshots.md) as"
                                        + " the writer cuts it: a name that is not UTF-8, a message Dovecot re-based (its GUID recorded), a"
                                        + " plain one",
                                "manifest"),
                        ManifestVectors.version2()));
        files.put(
                "manifest-v1.txt",
                fields(
                        new Vector(
                                "success",
                                "a version 1 manifest chunk (names as UTF-8" + " strings, no GUID): still read",
                                "manifest"),
                        ManifestVectors.version1()));
        files.put(
                "snapshot-v2.txt",
                fields(
                        new Vector(
                                "success",
                                "a backup's snapshot (format-spec/snapshots.md):"
                                        + " records version 2, as backups still write it; payload is the object's plaintext",
                                "snapshot"),
                        org.mailsnap.snapshot.SnapshotVectors.version2()));
        files.put(
                "snapshot-v3.txt",
                fields(
                        new Vector(
                                "success",
                                "a replacement snapshot (records version 3, written"
                                        + " by forget --mailbox): the one above without example.org/bob, superseding it and what it"
                                        + " superseded",
                                "snapshot"),
                        org.mailsnap.snapshot.SnapshotVectors.version3()));
        files.put(
                "snapshot-v3-self-superseding.txt",
                fields(
                        new Vector(
                                "failure",
                                "the replacement read under an id"
                                        + " its Supersedes names: a snapshot never supersedes itself; readers must reject it",
                                "snapshot"),
                        org.mailsnap.snapshot.SnapshotVectors.selfSuperseding()));
        files.put(
                "snapshot-v4-ledger.txt",
                fields(
                        new Vector(
                                "success",
                                "a replacement carrying a deleted-mail"
                                        + " ledger (records version 4, written by forget --keep-deleted-within): the version 2 snapshot,"
                                        + " superseding it; Deleted names the two chunks of ledger-two-chunks.txt",
                                "snapshot"),
                        org.mailsnap.snapshot.SnapshotVectors.version4()));
        files.put(
                "ledger-two-chunks.txt",
                fields(
                        new Vector(
                                "success",
                                "a deleted-mail ledger (format-spec/"
                                        + "snapshots.md) as the writer cuts it, two chunks whose ids are 0x01... and 0x02...: two mailboxes,"
                                        + " a name that is not UTF-8, a re-based message (its GUID recorded)",
                                "ledger"),
                        org.mailsnap.snapshot.LedgerVectors.twoChunks()));
        files.put(
                "ledger-unsafe-name.txt",
                fields(
                        new Vector(
                                "failure",
                                "a ledger entry whose message name"
                                        + " ../../.ssh/authorized_keys would leave its folder: readers must reject it",
                                "ledger"),
                        org.mailsnap.snapshot.LedgerVectors.unsafeName()));
        files.put(
                "manifest-v3.txt",
                fields(
                        new Vector(
                                "success",
                                "a version 3 (split) manifest of two folders of one mailbox, as the writer cuts it: the"
                                        + " content table's chunk, its index, each folder's placement chunk (the n-th"
                                        + " chunk has the id of 32 bytes of n); INBOX holds the entries of"
                                        + " manifest-v2.txt, .Sent a copy of the second under other flags",
                                "manifest"),
                        ManifestVectors.version3()));
        files.put(
                "manifest-v3-bad-reference.txt",
                fields(
                        new Vector(
                                "failure",
                                "a version 3 placement that refers to entry 5 of a one-entry content chunk: readers"
                                        + " must reject it",
                                "manifest"),
                        ManifestVectors.version3BadReference()));
        files.put(
                "manifest-unsafe-guid.txt",
                fields(
                        new Vector(
                                "failure",
                                "a version 2 entry whose GUID holds a" + " '/': readers must reject it",
                                "manifest"),
                        ManifestVectors.badGuid()));

        List<byte[]> blobs = List.of(
                new byte[0],
                "x".getBytes(StandardCharsets.US_ASCII),
                "Received: from mx1.example.org\r\n".repeat(6).getBytes(StandardCharsets.US_ASCII));
        BlobStore store = repo.openBlobStore(new MemoryBlobIndex());
        for (byte[] blob : blobs) {
            store.put(BlobType.DATA, blob);
        }
        store.flush();
        String packName = storage.list("data/").get(0).name();
        String packId = packName.substring(packName.lastIndexOf('/') + 1);
        byte[] pack = storage.get(packName);
        Vector good = new Vector(
                        "success",
                        "a pack of three data blobs (empty, 1 byte, compressible); blob_N are "
                                + "the plaintexts in entry order",
                        "pack")
                .hex("master_key", master)
                .text("pack_id", packId)
                .hex("pack", pack);
        for (int i = 0; i < blobs.size(); i++) {
            good.hex("blob_" + i, blobs.get(i));
        }
        files.put("pack-good.txt", good.text());
        files.put(
                "pack-truncated.txt",
                new Vector("failure", "the good pack without its last byte", "pack")
                        .hex("master_key", master)
                        .text("pack_id", packId)
                        .hex("pack", Arrays.copyOf(pack, pack.length - 1))
                        .text("error", "corrupt")
                        .text("message", "trailer missing (file truncated?)")
                        .text());
        byte[] flipped = pack.clone();
        flipped[pack.length - 20] ^= 0x01; // inside the encrypted header (its tag)
        files.put(
                "pack-flipped-header.txt",
                new Vector("failure", "the good pack with one bit of the encrypted " + "header flipped", "pack")
                        .hex("master_key", master)
                        .text("pack_id", packId)
                        .hex("pack", flipped)
                        .text("error", "corrupt")
                        .text("message", "header MAC mismatch (corrupted or wrong key?)")
                        .text());

        String indexId = storage.list("index/").get(0).name().substring("index/".length());
        files.put(
                "object-index-good.txt",
                new Vector(
                                "success",
                                "the index file listing the good pack "
                                        + "(encrypted object of kind index); payload is its decrypted content",
                                "object")
                        .hex("master_key", master)
                        .text("kind", "index")
                        .text("object_id", indexId)
                        .hex("object", storage.get("index/" + indexId))
                        .hex("payload", repo.objects().load(ObjectKind.INDEX, ObjectId.parse(indexId)))
                        .text());

        byte[] config = storage.get("config");
        files.put(
                "config-good.txt",
                new Vector("success", "config of the vectors repository", "config")
                        .hex("master_key", master)
                        .hex("config", config)
                        .text("repository_id", repo.config().repositoryId())
                        .text(
                                "chunker",
                                repo.config().chunker().min() + " "
                                        + repo.config().chunker().average() + " "
                                        + repo.config().chunker().max())
                        .text());
        byte[] future = config.clone();
        future[8] = 2;
        files.put(
                "config-future-version.txt",
                new Vector(
                                "failure",
                                "config claiming format version 2; refused " + "before any key is tried",
                                "config")
                        .hex("master_key", master)
                        .hex("config", future)
                        .text("error", "unsupported-version")
                        .text("message", "found 2, supported 1..1")
                        .text());

        String keyName = storage.list("keys/").get(0).name();
        String keyId = keyName.substring("keys/".length());
        byte[] keyFile = storage.get(keyName);
        files.put(
                "keyfile-good.txt",
                keyVector(
                                "success",
                                "key file wrapping the master key (Argon2id m=8 KiB, " + "t=1, p=1 to keep tests fast)",
                                PASSWORD,
                                repo,
                                keyId,
                                keyFile,
                                master)
                        .text());
        byte[] version2 = keyFile.clone();
        version2[8] = 2;
        files.put(
                "keyfile-wrong-version.txt",
                keyVector("failure", "the good key file claiming version 2", PASSWORD, repo, keyId, version2, master)
                        .text("error", "corrupt")
                        .text("message", "unsupported key file version 2")
                        .text());
        files.put(
                "keyfile-wrong-password.txt",
                keyVector(
                                "failure",
                                "the good key file opened with another " + "password",
                                "Tr0ub4dor&3",
                                repo,
                                keyId,
                                keyFile,
                                master)
                        .text("error", "wrong-password")
                        .text());
        return files;
    }

    private static Vector keyVector(
            String expect,
            String comment,
            String password,
            Repository repo,
            String keyId,
            byte[] keyFile,
            byte[] master) {
        return new Vector(expect, comment, "key-file")
                .hex("password", password.getBytes(StandardCharsets.UTF_8))
                .text("repository_id", repo.config().repositoryId())
                .text("key_id", keyId)
                .hex("key_file", keyFile)
                .hex("master_key", master);
    }

    /** Hashes and cuts of a manifest of 60 Dovecot-style bases, each entry 140 bytes, with the manifest parameters. */
    private static String recordCuts() {
        byte[] seed = new byte[32];
        for (int i = 0; i < seed.length; i++) {
            seed[i] = (byte) i;
        }
        ChunkerParams params = ManifestVectors.VERSION2_PARAMS;
        RecordChunker chunker = ManifestVectors.version2Chunker(seed);
        int recordBytes = 140;
        List<String> keys = new ArrayList<>();
        List<String> hashes = new ArrayList<>();
        List<String> cuts = new ArrayList<>();
        int chunkBytes = 1; // the chunk's version byte
        for (int i = 0; i < 60; i++) {
            String key = (1732000000 + i * 37) + ".M" + (100000 + i * 7919) + "P" + (2000 + i) + ".mail.example.org";
            keys.add(key);
            hashes.add(String.format("%016x", chunker.hash(key)));
            chunkBytes += recordBytes;
            if (chunker.cutAfter(key, chunkBytes)) {
                cuts.add(Integer.toString(i));
                chunkBytes = 1;
            }
        }
        return new Vector(
                        "success",
                        "record cut hash of 60 bases and the cuts of a manifest listing them, each entry " + recordBytes
                                + " bytes after a 1-byte version, with the manifest parameters",
                        "record-cuts")
                .hex("chunker_seed", seed)
                .text("min", Integer.toString(params.min()))
                .text("average", Integer.toString(params.average()))
                .text("max", Integer.toString(params.max()))
                .text("typical", Integer.toString(ManifestVectors.VERSION2_TYPICAL_ENTRY_BYTES))
                .text("record_bytes", Integer.toString(recordBytes))
                .text("keys", String.join(" ", keys))
                .text("hashes", String.join(" ", hashes))
                .text("cuts_after", String.join(" ", cuts))
                .text();
    }

    /** The vector with {@code fields} added in their order. */
    private static String fields(Vector vector, Map<String, String> fields) {
        fields.forEach(vector::text);
        return vector.text();
    }

    private static String argon2() {
        byte[] password = PASSWORD.getBytes(StandardCharsets.UTF_8);
        byte[] salt = new byte[32];
        for (int i = 0; i < salt.length; i++) {
            salt[i] = (byte) i;
        }
        Argon2Params params = new Argon2Params(64, 2, 1);
        return new Vector(
                        "success",
                        "Argon2id v0x13, no secret, no associated data, 32-byte output (the KEK)",
                        "argon2id")
                .hex("password", password)
                .hex("salt", salt)
                .text("memory_kib", "64")
                .text("iterations", "2")
                .text("parallelism", "1")
                .hex("kek", Argon2Kdf.derive(PASSWORD.toCharArray(), salt, params))
                .text();
    }

    private static String subkeys(byte[] master, SubKeys keys) {
        byte[] salt = new byte[32];
        Arrays.fill(salt, (byte) 0xa5);
        return new Vector(
                        "success",
                        "HKDF-SHA-256 subkeys of the master key (empty salt), and the pack and object "
                                + "keys for salt",
                        "hkdf-subkeys")
                .hex("master_key", master)
                .hex("id_key", CryptoTestAccess.idKey(keys))
                .hex("data_key", CryptoTestAccess.dataKey(keys))
                .hex("config_mac_key", CryptoTestAccess.configMacKey(keys))
                .hex("chunker_seed", keys.chunkerSeed())
                .hex("salt", salt)
                .hex("pack_key", keys.packKey(salt).getEncoded())
                .hex("object_key_index", keys.objectKey("index", salt).getEncoded())
                .hex("object_key_snapshot", keys.objectKey("snapshot", salt).getEncoded())
                .hex("object_key_lock", keys.objectKey("lock", salt).getEncoded())
                .text();
    }

    private static String blobEncryption(byte[] master, SubKeys keys) {
        byte[] salt = new byte[32];
        for (int i = 0; i < salt.length; i++) {
            salt[i] = (byte) (0xf0 - i);
        }
        byte[] plaintext =
                "Hello, hello, hello, hello, hello, mailsnap!\r\n".repeat(4).getBytes(StandardCharsets.US_ASCII);
        BlobId id = keys.idHasher().hash(plaintext);
        byte[] compressed = Compression.compressIfSmaller(plaintext, Compression.DEFAULT_LEVEL);
        int position = 3;
        PackEntry entry = new PackEntry(BlobType.METADATA, true, id, 0, compressed.length + 16, plaintext.length);
        byte[] aad = PackFormat.blobAad(entry);
        byte[] nonce = Aead.blobNonce(position);
        byte[] ciphertext = Aead.seal(keys.packKey(salt), nonce, aad, compressed);
        return new Vector(
                        "success",
                        "blob at position 3 of a pack: compressed with zstd, then AES-256-GCM under the "
                                + "pack key; ciphertext includes the tag",
                        "blob-encryption")
                .hex("master_key", master)
                .hex("pack_salt", salt)
                .text("position", String.valueOf(position))
                .text("type", "1")
                .hex("plaintext", plaintext)
                .hex("blob_id", id.toBytes())
                .hex("pack_key", keys.packKey(salt).getEncoded())
                .hex("nonce", nonce)
                .hex("aad", aad)
                .hex("compressed", compressed)
                .hex("ciphertext", ciphertext)
                .text();
    }

    private static byte[] masterKey(Repository repo) throws ReflectiveOperationException {
        Field field = Repository.class.getDeclaredField("masterKey");
        field.setAccessible(true);
        return ((byte[]) field.get(repo)).clone();
    }

    /** Lines of {@code name: value}; binary values in hex. */
    static final class Vector {
        private final StringBuilder out = new StringBuilder();

        Vector(String expect, String comment, String test) {
            text("expect", expect).text("comment", comment).text("test", test);
        }

        Vector text(String name, String value) {
            out.append(name).append(": ").append(value).append('\n');
            return this;
        }

        Vector hex(String name, byte[] value) {
            return text(name, Hex.of(value));
        }

        String text() {
            return out.toString();
        }
    }

    static void write(Path dir, Map<String, String> files) throws IOException {
        for (Map.Entry<String, String> file : files.entrySet()) {
            Files.writeString(dir.resolve(file.getKey()), file.getValue(), StandardCharsets.UTF_8);
        }
    }
}
