package org.mailsnap.crypto;

import java.security.GeneralSecurityException;
import java.util.HexFormat;

/** SHA-256 as lower-case hex: the name of every content-addressed object. */
public final class Sha256 {
    private Sha256() {}

    public static String hex(byte[] data) {
        return hex(data, data.length);
    }

    /** Of the first {@code length} bytes of {@code data}. */
    public static String hex(byte[] data, int length) {
        try {
            java.security.MessageDigest digest = Primitives.sha256();
            digest.update(data, 0, length);
            return HexFormat.of().formatHex(digest.digest());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 unavailable", e);
        }
    }
}
