package org.mailsnap.crypto;

import java.security.GeneralSecurityException;
import java.util.HexFormat;

/** SHA-256 as lower-case hex: the name of every content-addressed object. */
public final class Sha256 {
    private Sha256() {}

    public static String hex(byte[] data) {
        try {
            return HexFormat.of().formatHex(Primitives.sha256().digest(data));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 unavailable", e);
        }
    }
}
