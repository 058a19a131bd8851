package org.mailsnap.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** {@link Utf8#isWellFormed} and {@link Utf8#decode} decide as the JDK's decoder does, which they replace. */
class Utf8Test {
    private static final int[] EDGES = {
        0x00, 0x41, 0x7F, 0x80, 0x8F, 0x90, 0x9F, 0xA0, 0xBF, 0xC0, 0xC2, 0xDF, 0xE0, 0xED, 0xEF, 0xF0, 0xF4, 0xF5, 0xFF
    };
    /** A fourth byte: ASCII, the first and last continuation bytes, a lead byte. */
    private static final int[] LAST_EDGES = {0x41, 0x80, 0xBF, 0xC2};

    private static boolean jdkDecodes(byte[] bytes) {
        try {
            StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes));
            return true;
        } catch (CharacterCodingException notUtf8) {
            return false;
        }
    }

    private static void assertDecidesAsTheJdk(byte[] bytes) {
        assertEquals(jdkDecodes(bytes), Utf8.isWellFormed(bytes, 0, bytes.length), () -> hex(bytes));
    }

    @Test
    void decodesWhatIsWellFormedAsTheJdkDoesAndNothingElse() {
        for (String text : new String[] {"", "ascii", "Grüße", "Привет", "漢字", "🙂", "a\u0000b"}) {
            byte[] bytes = ("<" + text + ">").getBytes(StandardCharsets.UTF_8);
            assertEquals(text, Utf8.decode(bytes, 1, bytes.length - 2));
        }
        assertEquals(null, Utf8.decode(new byte[] {'a', (byte) 0xC3}, 0, 2), "a sequence cut short");
        assertEquals(null, Utf8.decode(new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80}, 0, 3), "a surrogate");
        assertEquals("a", Utf8.decode(new byte[] {'a', (byte) 0xC3}, 0, 1), "the range only");
    }

    @Test
    void everySequenceOfOneOrTwoBytes() {
        for (int a = 0; a < 256; a++) {
            assertDecidesAsTheJdk(new byte[] {(byte) a});
            for (int b = 0; b < 256; b++) {
                assertDecidesAsTheJdk(new byte[] {(byte) a, (byte) b});
            }
        }
    }

    @Test
    void everyLeadAndSecondByteWithTheEdgesOfTheThirdAndFourth() {
        for (int a = 0x80; a < 256; a++) {
            for (int b = 0; b < 256; b++) {
                for (int c : EDGES) {
                    assertDecidesAsTheJdk(new byte[] {(byte) a, (byte) b, (byte) c});
                    for (int d : a >= 0xF0 ? LAST_EDGES : new int[0]) {
                        assertDecidesAsTheJdk(new byte[] {(byte) a, (byte) b, (byte) c, (byte) d});
                    }
                }
            }
        }
    }

    @Test
    void textWithBytesFlippedAndARangeWithinIt() {
        long seed = System.nanoTime();
        System.out.println("Utf8Test seed " + seed);
        Random random = new Random(seed);
        byte[] text = "Grüße, Привет, 漢字, 🙂 and ASCII".getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < 20_000; i++) {
            byte[] bytes = text.clone();
            for (int flips = random.nextInt(3); flips > 0; flips--) {
                bytes[random.nextInt(bytes.length)] = (byte) random.nextInt(256);
            }
            int from = random.nextInt(bytes.length);
            int to = from + random.nextInt(bytes.length - from + 1);
            byte[] range = java.util.Arrays.copyOfRange(bytes, from, to);
            assertEquals(jdkDecodes(range), Utf8.isWellFormed(bytes, from, to), () -> seed + ": " + hex(range));
        }
    }

    private static String hex(byte[] bytes) {
        StringBuilder out = new StringBuilder();
        for (byte b : bytes) {
            out.append(String.format("%02x ", b));
        }
        return out.toString();
    }
}
