package org.mailsnap.chunk;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/** 256 pseudo-random 64-bit values derived from the repository's chunker seed (SHA-256 in counter mode). */
final class GearTable {
    private GearTable() {}

    static long[] derive(byte[] seed) {
        long[] table = new long[256];
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (int block = 0; block < 64; block++) {
                sha.update("mailsnap gear v1".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
                sha.update(seed);
                sha.update(ByteBuffer.allocate(4).putInt(block).array());
                ByteBuffer out = ByteBuffer.wrap(sha.digest());
                for (int i = 0; i < 4; i++) {
                    table[block * 4 + i] = out.getLong();
                }
            }
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK always has SHA-256", e);
        }
        return table;
    }
}
