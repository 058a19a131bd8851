package org.mailsnap.repository;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.Random;
import javax.crypto.AEADBadTagException;
import org.mailsnap.codec.ByteReader;
import org.mailsnap.codec.ByteWriter;
import org.mailsnap.codec.CorruptDataException;
import org.mailsnap.codec.Header;
import org.mailsnap.crypto.Aead;
import org.mailsnap.crypto.Argon2Kdf;
import org.mailsnap.crypto.Argon2Params;
import org.mailsnap.crypto.SubKeys;

/**
 * A key file {@code keys/<id>}: {@code Header || AES-256-GCM(KEK, Nonce, MasterKey, aad = Header)}, where the
 * header holds the magic, version, repository id, Argon2id parameters, salt, creation time, label and nonce.
 */
record KeyFile(
        String repositoryId,
        Argon2Params params,
        byte[] salt,
        Instant created,
        String label,
        byte[] header,
        byte[] nonce,
        byte[] wrappedKey) {
    static final String DIRECTORY = "keys/";
    static final int VERSION = 1;
    static final int MAX_LABEL_BYTES = 255;
    static final int FIXED_LENGTH = 140;
    static final int ID_BYTES = 16;

    static String objectName(String id) {
        return DIRECTORY + id;
    }

    static String describe(String id) {
        return Hex.describe("key file", id);
    }

    /** The bytes of a new key file wrapping {@code masterKey} under {@code password}. */
    static byte[] create(
            byte[] masterKey,
            char[] password,
            String repositoryId,
            String label,
            Argon2Params params,
            Instant created,
            Random random) {
        byte[] labelBytes = label.getBytes(StandardCharsets.UTF_8);
        if (labelBytes.length > MAX_LABEL_BYTES) {
            throw new IllegalArgumentException("key label longer than " + MAX_LABEL_BYTES + " bytes: " + label);
        }
        byte[] salt = new byte[Argon2Kdf.SALT_LENGTH];
        random.nextBytes(salt);
        byte[] nonce = new byte[Aead.NONCE_LENGTH];
        random.nextBytes(nonce);
        byte[] header = Header.write(new ByteWriter(FIXED_LENGTH + labelBytes.length), Magic.KEY_FILE, VERSION)
                .bytes(Hex.FORMAT.parseHex(repositoryId))
                .u32(params.memoryKiB())
                .u32(params.iterations())
                .u32(params.parallelism())
                .bytes(salt)
                .u64(created.toEpochMilli())
                .u16(labelBytes.length)
                .bytes(labelBytes)
                .bytes(nonce)
                .toByteArray();
        byte[] kek = Argon2Kdf.derive(password, salt, params);
        try {
            byte[] wrapped = Aead.seal(SubKeys.aesKeyOf(kek), nonce, header, masterKey);
            return new ByteWriter(header.length + wrapped.length)
                    .bytes(header)
                    .bytes(wrapped)
                    .toByteArray();
        } finally {
            Arrays.fill(kek, (byte) 0);
        }
    }

    /** Parses and checks everything that can be checked without the password. */
    static KeyFile parse(String id, byte[] data) throws CorruptDataException {
        ByteReader in = new ByteReader(data, describe(id), CorruptObjectException::new);
        Header.check(in, Magic.KEY_FILE, "key file", VERSION, VERSION);
        String repositoryId = Hex.of(in.bytes(ConfigCodec.REPOSITORY_ID_LENGTH, "repository id"));
        long memory = in.u32("Argon2 memory");
        long iterations = in.u32("Argon2 iterations");
        long parallelism = in.u32("Argon2 parallelism");
        in.check(Argon2Params.problem(memory, iterations, parallelism));
        byte[] salt = in.bytes(Argon2Kdf.SALT_LENGTH, "salt");
        Instant created = Instant.ofEpochMilli(in.u64("created"));
        int labelLength = in.u16("label length");
        if (labelLength > MAX_LABEL_BYTES || data.length != FIXED_LENGTH + labelLength) {
            throw in.corrupt("length " + data.length + " does not match label length " + labelLength + " (expected "
                    + (FIXED_LENGTH + labelLength) + ")");
        }
        String label = in.utf8(labelLength, "label");
        byte[] nonce = in.bytes(Aead.NONCE_LENGTH, "nonce");
        int headerLength = in.position();
        byte[] wrapped = in.bytes(SubKeys.MASTER_KEY_LENGTH + Aead.TAG_LENGTH, "wrapped key");
        in.expectEnd("wrapped key");
        return new KeyFile(
                repositoryId,
                new Argon2Params((int) memory, (int) iterations, (int) parallelism),
                salt,
                created,
                label,
                Arrays.copyOf(data, headerLength),
                nonce,
                wrapped);
    }

    /** The master key, or null when the password does not open this key file (or the file is damaged). */
    byte[] unlock(char[] password) {
        byte[] kek = Argon2Kdf.derive(password, salt, params);
        try {
            return Aead.open(SubKeys.aesKeyOf(kek), nonce, header, wrappedKey);
        } catch (AEADBadTagException e) {
            return null;
        } finally {
            Arrays.fill(kek, (byte) 0);
        }
    }
}
