package org.mailsnap.crypto;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.MessageDigest;
import java.util.Random;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

/**
 * The native provider must be the one in use where it ships a library (the speed claims rest on it), and it must
 * compute exactly what the JDK computes: a repository written with one is read with the other.
 */
class PrimitivesTest {

    @Test
    void nativeProviderIsUsedOnLinuxX8664() {
        boolean linuxX86 = System.getProperty("os.name").equals("Linux")
                && (System.getProperty("os.arch").equals("amd64")
                        || System.getProperty("os.arch").equals("x86_64"));
        if (linuxX86 && System.getenv("MAILSNAP_CRYPTO") == null) {
            assertTrue(Primitives.description().startsWith("AWS-LC"), Primitives.description());
        }
    }

    @Test
    void nativeAndJdkComputeTheSameBytes() throws Exception {
        long seed = System.nanoTime();
        System.out.println("PrimitivesTest seed " + seed);
        Random random = new Random(seed);
        for (int round = 0; round < 50; round++) {
            byte[] key = bytes(random, 32);
            byte[] nonce = bytes(random, 12);
            byte[] aad = bytes(random, random.nextInt(64));
            // sizes around the AES block, the direct-buffer limit and the largest blob
            int[] sizes = {0, 1, 15, 16, 17, 4096, Aead.HEAP_LIMIT + 1, 4 * 1024 * 1024};
            byte[] plaintext = bytes(random, sizes[round % sizes.length]);
            SecretKeySpec aes = new SecretKeySpec(key, "AES");

            byte[] sealed = Aead.seal(aes, nonce, aad, plaintext);
            Cipher jdk = Cipher.getInstance("AES/GCM/NoPadding", "SunJCE");
            jdk.init(Cipher.ENCRYPT_MODE, aes, new GCMParameterSpec(128, nonce));
            jdk.updateAAD(aad);
            assertArrayEquals(jdk.doFinal(plaintext), sealed, "seed " + seed + " round " + round);
            assertArrayEquals(plaintext, Aead.open(aes, nonce, aad, sealed));

            Mac mac = Mac.getInstance("HmacSHA256", "SunJCE");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            Mac ours = Primitives.hmacSha256();
            ours.init(new SecretKeySpec(key, "HmacSHA256"));
            assertArrayEquals(mac.doFinal(plaintext), ours.doFinal(plaintext));
            assertArrayEquals(
                    MessageDigest.getInstance("SHA-256", "SUN").digest(plaintext),
                    Primitives.sha256().digest(plaintext));
        }
    }

    private static byte[] bytes(Random random, int n) {
        byte[] b = new byte[n];
        random.nextBytes(b);
        return b;
    }
}
