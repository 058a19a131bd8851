package org.mailsnap.repository;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Optional;
import javax.crypto.Mac;
import org.mailsnap.codec.ByteReader;
import org.mailsnap.codec.ByteWriter;
import org.mailsnap.codec.CorruptDataException;
import org.mailsnap.codec.Header;
import org.mailsnap.crypto.HmacSha256;

/**
 * A local file that spares an hourly run the Argon2id derivation (seconds in a fresh JVM): the master key, the key
 * file it was unlocked from, and a verifier of the password.
 *
 * <pre>
 * UnlockCache := Magic("MSNAPUC1") || RepositoryId(16) || KeyIdLength(u8) || KeyId(ascii) || Salt(16)
 *                || Verifier(32) || MasterKey(32)
 * Verifier    := HMAC-SHA-256(key = MasterKey, "mailsnap v1 unlock cache" || Salt || password UTF-8)
 * </pre>
 *
 * <p>Threat model: the file (mode 0600, outside the repository) holds the master key in clear, so whoever can read
 * it can read the backups. It is only written when the password itself already sits on the machine (a password
 * file or an environment variable, as for cron), which that same reader could use; it is never written for a
 * password typed at a prompt. It is only used when (1) the password matches the verifier, (2) the key file it came
 * from still exists in the repository — so {@code key remove} revokes cached unlocks too — and (3) the config's MAC
 * verifies under the cached key. Anything else falls back to the key files and rewrites the cache.
 */
public final class UnlockCache {
    private static final byte[] MAGIC = "MSNAPUC1".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] LABEL = "mailsnap v1 unlock cache".getBytes(StandardCharsets.US_ASCII);
    private static final int SALT = 16;

    private final Path file;

    public UnlockCache(Path file) {
        this.file = file;
    }

    public Path file() {
        return file;
    }

    record Entry(String keyId, byte[] masterKey) {}

    /** The cached unlock for this repository and password, if the file holds one. */
    Optional<Entry> read(String repositoryId, char[] password) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException absent) {
            return Optional.empty();
        }
        try {
            ByteReader in = new ByteReader(bytes, "unlock cache " + file);
            Header.checkMagic(in, MAGIC, "unlock cache");
            if (!Arrays.equals(in.bytes(16, "repository id"), HexFormat.of().parseHex(repositoryId))) {
                return Optional.empty();
            }
            String keyId = new String(in.bytes(in.u8("key id length"), "key id"), StandardCharsets.US_ASCII);
            byte[] salt = in.bytes(SALT, "salt");
            byte[] verifier = in.bytes(32, "verifier");
            byte[] master = in.bytes(32, "master key");
            in.expectEnd("master key");
            if (!MessageDigest.isEqual(verifier, verifier(master, salt, password))) {
                return Optional.empty();
            }
            return Optional.of(new Entry(keyId, master));
        } catch (CorruptDataException malformed) {
            return Optional.empty(); // a damaged or foreign cache costs one key derivation, which rewrites it
        }
    }

    void write(String repositoryId, String keyId, byte[] masterKey, char[] password) throws IOException {
        byte[] salt = new byte[SALT];
        new SecureRandom().nextBytes(salt);
        byte[] id = keyId.getBytes(StandardCharsets.US_ASCII);
        byte[] out = new ByteWriter(MAGIC.length + 16 + 1 + id.length + SALT + 32 + 32)
                .bytes(MAGIC)
                .bytes(HexFormat.of().parseHex(repositoryId))
                .u8(id.length)
                .bytes(id)
                .bytes(salt)
                .bytes(verifier(masterKey, salt, password))
                .bytes(masterKey)
                .toByteArray();
        Files.createDirectories(file.toAbsolutePath().getParent());
        Path tmp = Files.createTempFile(
                file.toAbsolutePath().getParent(),
                ".unlock-",
                ".tmp",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        try {
            Files.write(tmp, out);
            try {
                Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    private static byte[] verifier(byte[] masterKey, byte[] salt, char[] password) {
        Mac mac = HmacSha256.keyed(masterKey);
        mac.update(LABEL);
        mac.update(salt);
        mac.update(StandardCharsets.UTF_8.encode(java.nio.CharBuffer.wrap(password)));
        return mac.doFinal();
    }
}
