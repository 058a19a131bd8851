package org.mailsnap.crypto;

/** Lets the vector generator (another package) print intermediate keys, which production code never exposes. */
public final class CryptoTestAccess {
    private CryptoTestAccess() {}

    public static byte[] idKey(SubKeys keys) {
        return keys.idKey();
    }

    public static byte[] dataKey(SubKeys keys) {
        return keys.dataKey();
    }

    public static byte[] configMacKey(SubKeys keys) {
        return keys.configMacKey();
    }
}
