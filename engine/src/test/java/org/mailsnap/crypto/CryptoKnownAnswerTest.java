package org.mailsnap.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Random;
import javax.crypto.AEADBadTagException;
import javax.crypto.SecretKey;
import org.junit.jupiter.api.Test;

/** The primitives against published known answers, and the AEAD's heap and direct paths against each other. */
class CryptoKnownAnswerTest {
    private static final HexFormat HEX = HexFormat.of();

    private static byte[] filled(int length, int value) {
        byte[] b = new byte[length];
        Arrays.fill(b, (byte) value);
        return b;
    }

    @Test
    void argon2idMatchesRfc9106() {
        byte[] tag = Argon2Kdf.derive(
                filled(32, 1), filled(16, 2), new Argon2Params(32, 3, 4), 32, filled(8, 3), filled(12, 4));
        assertEquals("0d640df58d78766c08c037a34a8b53c9d01ef0452d75b65eb52520e96b01e659", HEX.formatHex(tag));
    }

    @Test
    void hkdfMatchesRfc5869() {
        byte[] ikm = filled(22, 0x0b);
        byte[] okm1 =
                Hkdf.derive(ikm, HEX.parseHex("000102030405060708090a0b0c"), HEX.parseHex("f0f1f2f3f4f5f6f7f8f9"), 42);
        assertEquals(
                "3cb25f25faacd57a90434f64d0362f2a2d2d0a90cf1a5a4c5db02d56ecc4c5bf34007208d5b887185865",
                HEX.formatHex(okm1));
        byte[] okm3 = Hkdf.derive(ikm, new byte[0], new byte[0], 42);
        assertEquals(
                "8da4e775a563c18f715f802a063c5a31b8a11f5c5ee1879ec3454e5f3c738d2d9d201395faa4b61a96c8",
                HEX.formatHex(okm3));
    }

    @Test
    void subkeysAreDistinctAndDeterministic() {
        byte[] master = filled(32, 7);
        SubKeys a = SubKeys.derive(master);
        SubKeys b = SubKeys.derive(master);
        assertArrayEquals(a.chunkerSeed(), b.chunkerSeed());
        assertNotEquals(HEX.formatHex(a.idKey()), HEX.formatHex(a.dataKey()));
        assertNotEquals(HEX.formatHex(a.configMacKey()), HEX.formatHex(a.chunkerSeed()));
        byte[] salt = filled(32, 9);
        assertNotEquals(
                HEX.formatHex(a.packKey(salt).getEncoded()),
                HEX.formatHex(a.objectKey("index", salt).getEncoded()));
        assertNotEquals(
                HEX.formatHex(a.objectKey("index", salt).getEncoded()),
                HEX.formatHex(a.objectKey("lock", salt).getEncoded()));
    }

    @Test
    void nonceLayout() {
        assertEquals("000000000000000000000000", HEX.formatHex(Aead.blobNonce(0)));
        assertEquals("000000000000000000000102", HEX.formatHex(Aead.blobNonce(258)));
        assertEquals("ffffffff0000000000000000", HEX.formatHex(Aead.headerNonce()));
        assertThrows(IllegalArgumentException.class, () -> Aead.blobNonce(-1));
    }

    @Test
    void heapAndDirectPathsProduceTheSameCiphertextAndDetectTampering() throws Exception {
        long seed = 42;
        System.out.println("seed " + seed);
        Random random = new Random(seed);
        SecretKey key = SubKeys.aesKeyOf(filled(32, 5));
        byte[] aad = {1, 2, 3};
        for (int size : new int[] {0, 1, Aead.HEAP_LIMIT, Aead.HEAP_LIMIT + 1, 1 << 20}) {
            byte[] plaintext = new byte[size];
            random.nextBytes(plaintext);
            byte[] nonce = Aead.blobNonce(size);
            byte[] sealed = Aead.seal(key, nonce, aad, plaintext);
            assertEquals(size + Aead.TAG_LENGTH, sealed.length);
            assertArrayEquals(plaintext, Aead.open(key, nonce, aad, sealed), "size " + size);
            sealed[sealed.length / 2] ^= 1;
            assertThrows(AEADBadTagException.class, () -> Aead.open(key, nonce, aad, sealed), "size " + size);
        }
        byte[] big = new byte[Aead.HEAP_LIMIT + 1];
        random.nextBytes(big);
        byte[] nonce = Aead.blobNonce(1);
        byte[] viaDirect = Aead.seal(key, nonce, aad, big);
        javax.crypto.Cipher heap = javax.crypto.Cipher.getInstance("AES/GCM/NoPadding");
        heap.init(javax.crypto.Cipher.ENCRYPT_MODE, key, new javax.crypto.spec.GCMParameterSpec(128, nonce));
        heap.updateAAD(aad);
        assertArrayEquals(heap.doFinal(big), viaDirect);
    }

    @Test
    void wrongAadOrNonceFails() throws Exception {
        SecretKey key = SubKeys.aesKeyOf(filled(32, 5));
        byte[] sealed = Aead.seal(key, Aead.blobNonce(0), new byte[] {0}, "hello".getBytes(StandardCharsets.UTF_8));
        assertThrows(AEADBadTagException.class, () -> Aead.open(key, Aead.blobNonce(1), new byte[] {0}, sealed));
        assertThrows(AEADBadTagException.class, () -> Aead.open(key, Aead.blobNonce(0), new byte[] {1}, sealed));
    }

    @Test
    void argon2BoundsRejectHostileParameters() {
        assertEquals(null, Argon2Params.problem(8, 1, 1));
        assertThrows(IllegalArgumentException.class, () -> new Argon2Params(1 << 30, 3, 2));
        assertThrows(IllegalArgumentException.class, () -> new Argon2Params(64, 101, 2));
        assertThrows(IllegalArgumentException.class, () -> new Argon2Params(64, 3, 17));
    }
}
