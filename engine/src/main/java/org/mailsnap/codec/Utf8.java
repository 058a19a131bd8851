package org.mailsnap.codec;

import java.nio.charset.StandardCharsets;

/**
 * Strict UTF-8, decided as the JDK's UTF-8 decoder decides it (Unicode's table of well-formed byte sequences: no
 * overlong forms, no encoded surrogates, nothing above U+10FFFF, no sequence cut short), by a scan that decodes
 * nothing: most names and header blocks in a mail store are ASCII, and what is not is decoded once it is known to be
 * well-formed.
 */
public final class Utf8 {
    private Utf8() {}

    /** The decoded text, or null when the bytes are not valid UTF-8. */
    public static String decode(byte[] bytes, int offset, int length) {
        return isWellFormed(bytes, offset, offset + length)
                ? new String(bytes, offset, length, StandardCharsets.UTF_8)
                : null;
    }

    /** True when {@code bytes[from, to)} is well-formed UTF-8. */
    public static boolean isWellFormed(byte[] bytes, int from, int to) {
        int i = from;
        while (i < to) {
            int b = bytes[i] & 0xFF;
            if (b < 0x80) {
                i++;
                continue;
            }
            int continuations;
            int secondMin = 0x80;
            int secondMax = 0xBF;
            if (b >= 0xC2 && b <= 0xDF) {
                continuations = 1;
            } else if (b >= 0xE0 && b <= 0xEF) {
                continuations = 2;
                secondMin = b == 0xE0 ? 0xA0 : 0x80; // no overlong form
                secondMax = b == 0xED ? 0x9F : 0xBF; // no surrogate
            } else if (b >= 0xF0 && b <= 0xF4) {
                continuations = 3;
                secondMin = b == 0xF0 ? 0x90 : 0x80; // no overlong form
                secondMax = b == 0xF4 ? 0x8F : 0xBF; // nothing above U+10FFFF
            } else {
                return false;
            }
            if (to - i <= continuations) {
                return false;
            }
            int second = bytes[i + 1] & 0xFF;
            if (second < secondMin || second > secondMax) {
                return false;
            }
            for (int k = 2; k <= continuations; k++) {
                if ((bytes[i + k] & 0xC0) != 0x80) {
                    return false;
                }
            }
            i += continuations + 1;
        }
        return true;
    }
}
