package org.mailsnap.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import javax.crypto.AEADBadTagException;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

/**
 * {@link Aead} reuses one decrypting and one encrypting cipher per thread: no key, nonce, AAD or failure may carry over
 * between calls.
 */
class AeadReuseTest {
    private static final SecretKeySpec KEY_A = key(1);
    private static final SecretKeySpec KEY_B = key(2);
    private static final byte[] AAD = "aad".getBytes(StandardCharsets.US_ASCII);

    @Test
    void opensUnderAlternatingKeysAndNoncesOnOneThread() throws Exception {
        for (int i = 0; i < 20; i++) {
            SecretKeySpec key = i % 2 == 0 ? KEY_A : KEY_B;
            byte[] plaintext = ("message " + i).getBytes(StandardCharsets.US_ASCII);
            byte[] sealed = Aead.seal(key, Aead.blobNonce(i), AAD, plaintext);
            assertArrayEquals(plaintext, Aead.open(key, Aead.blobNonce(i), AAD, sealed));
        }
    }

    /** Opening into a buffer gives what open gives, at the offset asked, on the same cipher, and the same failures. */
    @Test
    void opensIntoABufferAsOpenDoes() throws Exception {
        byte[] into = new byte[64];
        for (int n = 0; n < 6; n++) {
            int i = n;
            SecretKeySpec key = i % 2 == 0 ? KEY_A : KEY_B;
            byte[] plaintext = ("message number " + i).getBytes(StandardCharsets.US_ASCII);
            byte[] sealed = Aead.seal(key, Aead.blobNonce(i), AAD, plaintext);
            int length = Aead.openInto(key, Aead.blobNonce(i), AAD, sealed, 0, sealed.length, into, 3);
            assertArrayEquals(plaintext, java.util.Arrays.copyOfRange(into, 3, 3 + length));
            byte[] tampered = sealed.clone();
            tampered[i] ^= 1;
            assertThrows(
                    AEADBadTagException.class,
                    () -> Aead.openInto(key, Aead.blobNonce(i), AAD, tampered, 0, tampered.length, into, 0));
        }
    }

    @Test
    void aFailedOpenLeavesNothingBehind() throws Exception {
        byte[] plaintext = "hello".getBytes(StandardCharsets.US_ASCII);
        byte[] sealed = Aead.seal(KEY_A, Aead.blobNonce(7), AAD, plaintext);
        byte[] tampered = sealed.clone();
        tampered[0] ^= 1;
        assertThrows(AEADBadTagException.class, () -> Aead.open(KEY_A, Aead.blobNonce(7), AAD, tampered));
        assertThrows(AEADBadTagException.class, () -> Aead.open(KEY_B, Aead.blobNonce(7), AAD, sealed));
        assertThrows(AEADBadTagException.class, () -> Aead.open(KEY_A, Aead.blobNonce(8), AAD, sealed));
        assertThrows(AEADBadTagException.class, () -> Aead.open(KEY_A, Aead.blobNonce(7), new byte[0], sealed));
        assertArrayEquals(plaintext, Aead.open(KEY_A, Aead.blobNonce(7), AAD, sealed));
    }

    @Test
    void theSameKeyAndNonceOpenTwice() throws Exception {
        byte[] plaintext = "twice".getBytes(StandardCharsets.US_ASCII);
        byte[] sealed = Aead.seal(KEY_A, Aead.headerNonce(), AAD, plaintext);
        assertArrayEquals(plaintext, Aead.open(KEY_A, Aead.headerNonce(), AAD, sealed));
        assertArrayEquals(plaintext, Aead.open(KEY_A, Aead.headerNonce(), AAD, sealed));
    }

    /** A retried write seals the very same bytes under the same key and nonce, which a reused cipher refuses. */
    @Test
    void sealsUnderTheKeyAndNonceItLastSealedUnder() throws Exception {
        byte[] plaintext = "retried".getBytes(StandardCharsets.US_ASCII);
        byte[] first = Aead.seal(KEY_A, Aead.blobNonce(3), AAD, plaintext);
        byte[] again = Aead.seal(KEY_A, Aead.blobNonce(3), AAD, plaintext);
        byte[] into = new byte[plaintext.length + Aead.TAG_LENGTH + 2];
        int length = Aead.sealInto(KEY_A, Aead.blobNonce(3), AAD, plaintext, 0, plaintext.length, into, 2);

        assertArrayEquals(first, again);
        assertArrayEquals(first, java.util.Arrays.copyOfRange(into, 2, 2 + length));
        assertArrayEquals(plaintext, Aead.open(KEY_A, Aead.blobNonce(3), AAD, again));
    }

    @Test
    void sealsUnderAlternatingKeysNoncesAndAadOnOneThreadAsAFreshCipherDoes() throws Exception {
        byte[] into = new byte[64];
        for (int i = 0; i < 20; i++) {
            SecretKeySpec key = i % 3 == 0 ? KEY_A : KEY_B;
            byte[] aad = ("aad " + (i % 2)).getBytes(StandardCharsets.US_ASCII);
            byte[] plaintext = ("message " + i).getBytes(StandardCharsets.US_ASCII);
            javax.crypto.Cipher fresh = Primitives.aesGcm();
            fresh.init(javax.crypto.Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(128, Aead.blobNonce(i / 2)));
            fresh.updateAAD(aad);
            byte[] expected = fresh.doFinal(plaintext);

            assertArrayEquals(expected, Aead.seal(key, Aead.blobNonce(i / 2), aad, plaintext));
            int length = Aead.sealInto(key, Aead.blobNonce(i / 2), aad, plaintext, 0, plaintext.length, into, 1);
            assertArrayEquals(expected, java.util.Arrays.copyOfRange(into, 1, 1 + length));
        }
    }

    private static SecretKeySpec key(int fill) {
        byte[] bytes = new byte[32];
        java.util.Arrays.fill(bytes, (byte) fill);
        return new SecretKeySpec(bytes, "AES");
    }
}
