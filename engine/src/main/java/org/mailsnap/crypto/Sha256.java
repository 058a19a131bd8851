package org.mailsnap.crypto;

import java.security.GeneralSecurityException;
import java.util.HexFormat;

/** SHA-256 as lower-case hex: the name of every content-addressed object. */
public final class Sha256 {
    private Sha256() {}

    public static String hex(byte[] data) {
        return hex(data, data.length);
    }

    /** A running SHA-256, for bytes that are never in memory all at once (a pack being spooled). */
    public static java.security.MessageDigest start() {
        try {
            return Primitives.sha256();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 unavailable", e);
        }
    }

    /** The hex of what {@code running} has been given (it is reset). */
    public static String hex(java.security.MessageDigest running) {
        return HexFormat.of().formatHex(running.digest());
    }

    /** Of the first {@code length} bytes of {@code data}. */
    public static String hex(byte[] data, int length) {
        java.security.MessageDigest digest = start();
        digest.update(data, 0, length);
        return hex(digest);
    }
}
