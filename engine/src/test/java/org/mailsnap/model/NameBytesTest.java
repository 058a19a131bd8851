package org.mailsnap.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class NameBytesTest {
    @Test
    void validUtf8IsOrdinaryText() {
        String name = "1733.M1P2.hóst,S=10:2,S";
        assertEquals(name, NameBytes.fromBytes(name.getBytes(StandardCharsets.UTF_8)));
        assertArrayEquals(name.getBytes(StandardCharsets.UTF_8), NameBytes.toBytes(name));
        assertFalse(NameBytes.hasEscapes(name));
    }

    @Test
    void aSupplementaryCharWhoseLowHalfLooksLikeAnEscapeIsText() {
        byte[] bytes = {'m', (byte) 0xf0, (byte) 0x9f, (byte) 0x93, (byte) 0xa7, (byte) 0xe9}; // U+1F4E7, then \xe9
        String name = NameBytes.fromBytes(bytes);
        assertEquals("m\ud83d\udce7\udce9", name);
        assertArrayEquals(bytes, NameBytes.toBytes(name));
        assertTrue(NameBytes.hasEscapes(name));
        assertFalse(NameBytes.hasEscapes("\ud83d\udce7"));
        assertEquals("m\ud83d\udce7\\xe9", NameBytes.printable(name));
        assertTrue(NameBytes.compare("\ud83d\udce7", "\uff01") > 0, "F0 sorts after EF");
        assertTrue(NameBytes.compare("\ud83d\udce7", "\udcf0") > 0, "the lone byte F0 is a prefix of F0 9F 93 A7");
    }

    @Test
    void invalidBytesRoundTripAndStayDistinct() {
        byte[] a = {'a', (byte) 0xff, (byte) 0xfe, 'b'};
        byte[] b = {'a', (byte) 0xff, (byte) 0xfd, 'b'};
        String sa = NameBytes.fromBytes(a);
        String sb = NameBytes.fromBytes(b);
        assertNotEquals(sa, sb);
        assertTrue(NameBytes.hasEscapes(sa));
        assertArrayEquals(a, NameBytes.toBytes(sa));
        assertEquals("a\\xff\\xfeb", NameBytes.printable(sa));
    }

    @Test
    void encodedSurrogatesAndOverlongFormsAreEscapedBytewise() {
        byte[][] cases = {
            {(byte) 0xed, (byte) 0xb2, (byte) 0x80}, // U+DC80 encoded: not valid UTF-8
            {(byte) 0xc0, (byte) 0xaf}, // overlong '/'
            {(byte) 0xf4, (byte) 0x90, (byte) 0x80, (byte) 0x80}, // beyond U+10FFFF
            {(byte) 0xe2, (byte) 0x82}, // truncated sequence
        };
        for (byte[] c : cases) {
            String s = NameBytes.fromBytes(c);
            assertEquals(c.length, s.length(), Arrays.toString(c));
            assertArrayEquals(c, NameBytes.toBytes(s));
        }
    }

    @Test
    void randomBytesRoundTripAndCompareLikeBytes() {
        long seed = System.nanoTime();
        System.out.println("NameBytesTest seed " + seed);
        Random random = new Random(seed);
        for (int round = 0; round < 20_000; round++) {
            byte[] x = randomName(random);
            byte[] y = randomName(random);
            String sx = NameBytes.fromBytes(x);
            String sy = NameBytes.fromBytes(y);
            assertArrayEquals(x, NameBytes.toBytes(sx), "seed " + seed);
            assertEquals(
                    Integer.signum(Arrays.compareUnsigned(x, y)),
                    Integer.signum(NameBytes.compare(sx, sy)),
                    "seed " + seed + ": " + NameBytes.printable(sx) + " vs " + NameBytes.printable(sy));
            assertEquals(Arrays.equals(x, y), sx.equals(sy), "seed " + seed);
        }
    }

    @Test
    void unpairedSurrogateThatNoDecodingMadeIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> NameBytes.toBytes("a\ud800b"));
    }

    private static byte[] randomName(Random random) {
        byte[] b = new byte[random.nextInt(8)];
        for (int i = 0; i < b.length; i++) {
            int kind = random.nextInt(4);
            b[i] = (byte) (kind == 0 ? 'a' + random.nextInt(3) : kind == 1 ? 0xc3 : random.nextInt(256));
        }
        if (random.nextInt(4) == 0 && b.length > 1) {
            byte[] utf8 = "é€😀".getBytes(StandardCharsets.UTF_8);
            System.arraycopy(utf8, 0, b, 0, Math.min(utf8.length, b.length));
        }
        return b;
    }
}
