package org.mailsnap.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import javax.crypto.AEADBadTagException;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

/** {@link Aead#open} reuses one cipher per thread: no key, nonce, AAD or failure may carry over between calls. */
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

    private static SecretKeySpec key(int fill) {
        byte[] bytes = new byte[32];
        java.util.Arrays.fill(bytes, (byte) fill);
        return new SecretKeySpec(bytes, "AES");
    }
}
