package org.mailsnap.crypto;

import java.security.MessageDigest;
import java.util.Arrays;
import javax.crypto.Mac;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/**
 * The keys derived from a repository's master key (format-spec/crypto.md, "Subkeys"). Immutable and thread-safe.
 */
public final class SubKeys {
    public static final int MASTER_KEY_LENGTH = 32;
    public static final int SALT_LENGTH = 32;
    static final String ID_KEY_INFO = "mailsnap v1 id key";
    static final String DATA_KEY_INFO = "mailsnap v1 data key";
    static final String CONFIG_MAC_KEY_INFO = "mailsnap v1 config mac key";
    static final String CHUNKER_SEED_INFO = "mailsnap v1 chunker seed";
    static final String PACK_KEY_INFO = "mailsnap v1 pack";
    static final String OBJECT_KEY_INFO_PREFIX = "mailsnap v1 object ";

    private final byte[] idKey;
    private final byte[] dataKey;
    private final byte[] configMacKey;
    private final byte[] chunkerSeed;
    private final BlobIdHasher idHasher;

    private SubKeys(byte[] masterKey) {
        this.idKey = Hkdf.derive(masterKey, null, ID_KEY_INFO);
        this.dataKey = Hkdf.derive(masterKey, null, DATA_KEY_INFO);
        this.configMacKey = Hkdf.derive(masterKey, null, CONFIG_MAC_KEY_INFO);
        this.chunkerSeed = Hkdf.derive(masterKey, null, CHUNKER_SEED_INFO);
        this.idHasher = new BlobIdHasher(idKey);
    }

    public static SubKeys derive(byte[] masterKey) {
        if (masterKey.length != MASTER_KEY_LENGTH) {
            throw new IllegalArgumentException("master key must be 32 bytes, got " + masterKey.length);
        }
        return new SubKeys(masterKey);
    }

    /** Computes blob ids: HMAC-SHA-256 under the id key. */
    public BlobIdHasher idHasher() {
        return idHasher;
    }

    /** 32 bytes from which the content-defined chunker builds its gear table. */
    public byte[] chunkerSeed() {
        return chunkerSeed.clone();
    }

    /** The AES-256-GCM key of the pack with this salt. */
    public SecretKey packKey(byte[] salt) {
        return aesKeyOf(Hkdf.derive(dataKey, requireSalt(salt), PACK_KEY_INFO));
    }

    /** The AES-256-GCM key of an encrypted object of kind {@code kindName} ("index", "snapshot", "lock"). */
    public SecretKey objectKey(String kindName, byte[] salt) {
        return aesKeyOf(Hkdf.derive(dataKey, requireSalt(salt), OBJECT_KEY_INFO_PREFIX + kindName));
    }

    /** HMAC-SHA-256 under the config MAC key of {@code data[0..length)}. */
    public byte[] configMac(byte[] data, int length) {
        Mac mac = HmacSha256.keyed(configMacKey);
        mac.update(data, 0, length);
        return mac.doFinal();
    }

    /** Constant-time comparison, for MACs. */
    public static boolean macEquals(byte[] a, byte[] b) {
        return MessageDigest.isEqual(a, b);
    }

    byte[] idKey() {
        return idKey.clone();
    }

    byte[] dataKey() {
        return dataKey.clone();
    }

    byte[] configMacKey() {
        return configMacKey.clone();
    }

    private static byte[] requireSalt(byte[] salt) {
        if (salt.length != SALT_LENGTH) {
            throw new IllegalArgumentException(
                    "salt must be 32 bytes, got " + salt.length + ": " + Arrays.toString(salt));
        }
        return salt;
    }

    /** An AES key object for 32 raw bytes (a KEK). */
    public static SecretKey aesKeyOf(byte[] key) {
        if (key.length != 32) {
            throw new IllegalArgumentException("AES-256 key must be 32 bytes, got " + key.length);
        }
        return new SecretKeySpec(key, "AES");
    }
}
