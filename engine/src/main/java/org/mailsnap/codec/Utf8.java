package org.mailsnap.codec;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/** Strict UTF-8 decoding, with a fast path for ASCII, which most names in a mail store are. */
public final class Utf8 {
    private static final ThreadLocal<CharsetDecoder> DECODER = ThreadLocal.withInitial(() -> StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT));

    private Utf8() {}

    /** The decoded text, or null when the bytes are not valid UTF-8. */
    public static String decode(byte[] bytes, int offset, int length) {
        int end = offset + length;
        for (int i = offset; i < end; i++) {
            if (bytes[i] < 0) {
                return decodeStrictly(bytes, offset, length);
            }
        }
        return new String(bytes, offset, length, StandardCharsets.ISO_8859_1);
    }

    private static String decodeStrictly(byte[] bytes, int offset, int length) {
        try {
            return DECODER.get().decode(ByteBuffer.wrap(bytes, offset, length)).toString(); // decode() resets it
        } catch (CharacterCodingException e) {
            return null;
        }
    }
}
