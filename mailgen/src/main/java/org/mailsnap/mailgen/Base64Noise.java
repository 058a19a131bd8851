package org.mailsnap.mailgen;

import java.nio.charset.StandardCharsets;

/**
 * Writes the base64 encoding (76-character lines, {@code \n} ends, as MIME writers produce) of random bytes without
 * producing the bytes first: uniform random bytes encode to uniform random base64 digits, except that the digit
 * before padding carries only 4 or 2 payload bits whose unused low bits must be zero. Decoding the output gives
 * exactly {@code rawBytes} bytes. Attachments dominate a store's volume, so this is the generator's hot loop: every
 * line but the last is written two digits (12 random bits) at a time from a table.
 */
final class Base64Noise {
    private static final byte[] ALPHABET =
            "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] PAIRS = new byte[2 * 4096];
    private static final int LINE = 76;

    static {
        for (int i = 0; i < 4096; i++) {
            PAIRS[2 * i] = ALPHABET[i >>> 6];
            PAIRS[2 * i + 1] = ALPHABET[i & 0x3F];
        }
    }

    private Base64Noise() {}

    /** The number of bytes {@link #write} appends for {@code rawBytes} bytes of payload. */
    static long encodedLength(long rawBytes) {
        long chars = (rawBytes + 2) / 3 * 4;
        long lines = (chars + LINE - 1) / LINE;
        return chars + lines;
    }

    static void write(ByteSink out, Prng rnd, long rawBytes) {
        long encoded = encodedLength(rawBytes);
        if (rawBytes <= 0 || encoded > Integer.MAX_VALUE / 2) {
            throw new IllegalArgumentException("attachment size out of range: " + rawBytes + " bytes");
        }
        int remainder = (int) (rawBytes % 3);
        int dataDigits = (int) (rawBytes / 3 * 4 + (remainder == 0 ? 0 : remainder + 1));
        int totalDigits = (int) ((rawBytes + 2) / 3 * 4);
        int at = out.reserve((int) encoded);
        byte[] bytes = out.array();

        // Every line but the last holds only plain data digits (groups of 4 never straddle a 76-digit line).
        int fullLines = (totalDigits - 1) / LINE;
        long bits = 0;
        int pairsLeft = 0;
        for (int line = 0; line < fullLines; line++) {
            for (int pair = 0; pair < LINE / 2; pair++) {
                if (pairsLeft == 0) {
                    bits = rnd.nextLong();
                    pairsLeft = 5;
                }
                int index = 2 * (int) (bits & 0xFFF);
                bits >>>= 12;
                pairsLeft--;
                bytes[at++] = PAIRS[index];
                bytes[at++] = PAIRS[index + 1];
            }
            bytes[at++] = '\n';
        }
        for (int digit = fullLines * LINE; digit < totalDigits; digit++) {
            if (digit < dataDigits) {
                int sextet = (int) (rnd.nextLong() >>> 58);
                if (digit == dataDigits - 1 && remainder != 0) {
                    sextet &= remainder == 1 ? 0x30 : 0x3C;
                }
                bytes[at++] = ALPHABET[sextet];
            } else {
                bytes[at++] = '=';
            }
        }
        bytes[at] = '\n';
    }
}
