package org.mailsnap.crypto;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;

/** Password → 32-byte key-encryption key with Argon2id (version 0x13, no secret, no associated data). */
public final class Argon2Kdf {
    public static final int SALT_LENGTH = 32;
    public static final int KEY_LENGTH = 32;

    private Argon2Kdf() {}

    /** The KEK for {@code password} (its chars as UTF-8, not normalised) and {@code salt}. */
    public static byte[] derive(char[] password, byte[] salt, Argon2Params params) {
        if (salt.length != SALT_LENGTH) {
            throw new IllegalArgumentException("Argon2 salt must be " + SALT_LENGTH + " bytes, got " + salt.length);
        }
        byte[] passwordBytes = utf8(password);
        try {
            return derive(passwordBytes, salt, params, KEY_LENGTH);
        } finally {
            Arrays.fill(passwordBytes, (byte) 0);
        }
    }

    /** Raw Argon2id over bytes, with an optional secret and associated data (for the RFC 9106 known answer). */
    static byte[] derive(byte[] password, byte[] salt, Argon2Params params, int length, byte[] secret, byte[] ad) {
        requireHeapFor(params);
        Argon2Parameters.Builder builder = new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
                .withVersion(Argon2Parameters.ARGON2_VERSION_13)
                .withSalt(salt)
                .withMemoryAsKB(params.memoryKiB())
                .withIterations(params.iterations())
                .withParallelism(params.parallelism());
        if (secret != null) {
            builder.withSecret(secret);
        }
        if (ad != null) {
            builder.withAdditional(ad);
        }
        Argon2BytesGenerator generator = new Argon2BytesGenerator();
        generator.init(builder.build());
        byte[] out = new byte[length];
        generator.generateBytes(password, out);
        return out;
    }

    /**
     * The launcher caps the heap to keep backups small; a key file made with a large memory cost would then die with
     * an OutOfMemoryError in the middle of the KDF. Say what to do instead.
     */
    private static void requireHeapFor(Argon2Params params) {
        long needed = params.memoryKiB() * 1024L;
        long max = Runtime.getRuntime().maxMemory();
        if (max != Long.MAX_VALUE && needed > max * 3 / 4) {
            throw new IllegalStateException("this key file's Argon2id memory cost is " + params.memoryKiB() / 1024
                    + " MiB, more than this JVM's heap (" + max / (1024 * 1024) + " MiB) allows: run with"
                    + " MAILSNAP_JAVA_OPTS=-Xmx" + (needed * 2 / (1024 * 1024) + 256) + "m");
        }
    }

    private static byte[] derive(byte[] password, byte[] salt, Argon2Params params, int length) {
        return derive(password, salt, params, length, null, null);
    }

    @SuppressWarnings("ByteBufferBackingArray") // wipes the encoder's whole backing array, offset or not
    private static byte[] utf8(char[] password) {
        ByteBuffer encoded = StandardCharsets.UTF_8.encode(CharBuffer.wrap(password));
        byte[] bytes = new byte[encoded.remaining()];
        encoded.get(bytes);
        if (encoded.hasArray()) {
            Arrays.fill(encoded.array(), (byte) 0);
        }
        return bytes;
    }
}
