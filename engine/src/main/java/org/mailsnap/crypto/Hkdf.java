package org.mailsnap.crypto;

import java.nio.charset.StandardCharsets;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.generators.HKDFBytesGenerator;
import org.bouncycastle.crypto.params.HKDFParameters;

/** HKDF-SHA-256 (RFC 5869) with 32-byte output. Runs once per subkey, pack or object: speed does not matter. */
final class Hkdf {
    static final int LENGTH = 32;

    private Hkdf() {}

    /** {@code salt} may be null or empty: RFC 5869's default salt of hash-length zero bytes. */
    static byte[] derive(byte[] ikm, byte[] salt, String info) {
        return derive(ikm, salt, info.getBytes(StandardCharsets.US_ASCII), LENGTH);
    }

    static byte[] derive(byte[] ikm, byte[] salt, byte[] info, int length) {
        HKDFBytesGenerator generator = new HKDFBytesGenerator(new SHA256Digest());
        generator.init(new HKDFParameters(ikm, salt == null || salt.length == 0 ? null : salt, info));
        byte[] out = new byte[length];
        generator.generateBytes(out, 0, length);
        return out;
    }
}
