package org.mailsnap.bench.crypto;

import java.security.Provider;
import java.security.Security;
import java.util.Random;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * What a backup or restore JVM sees: AES-256-GCM seal and open, then HMAC-SHA-256, over a few hundred MB from the
 * first call, in a fresh JVM (JMH warms up first, which hides exactly the cost that matters for hourly runs).
 *
 * <pre>
 * java -cp benchmarks/target/classes:cli/target/mailsnap.jar org.mailsnap.bench.crypto.FreshJvmCrypto jdk 16384 120
 * java -cp benchmarks/target/classes:cli/target/mailsnap.jar org.mailsnap.bench.crypto.FreshJvmCrypto accp 16384 120
 * </pre>
 * Arguments: provider ({@code jdk}: SunJCE; {@code accp}: Amazon Corretto Crypto Provider; or any installed
 * provider's name), unit size in bytes, megabytes to process.
 */
public final class FreshJvmCrypto {
    private FreshJvmCrypto() {}

    public static void main(String[] args) throws Exception {
        Provider provider = provider(args[0]);
        int unit = Integer.parseInt(args[1]);
        long total = Long.parseLong(args[2]) << 20;
        SecretKeySpec key = new SecretKeySpec(new byte[32], "AES");
        byte[] plaintext = new byte[unit];
        new Random(1).nextBytes(plaintext);
        long units = total / unit;
        long check = 0;
        long t0 = System.nanoTime();
        for (long i = 0; i < units; i++) {
            byte[] nonce = new byte[12];
            for (int b = 0; b < 8; b++) {
                nonce[4 + b] = (byte) (i >>> (8 * b));
            }
            Cipher seal = Cipher.getInstance("AES/GCM/NoPadding", provider);
            seal.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(128, nonce));
            byte[] sealed = seal.doFinal(plaintext);
            Cipher open = Cipher.getInstance("AES/GCM/NoPadding", provider);
            open.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(128, nonce));
            check += open.doFinal(sealed)[0];
        }
        long t1 = System.nanoTime();
        Mac mac = Mac.getInstance("HmacSHA256", provider);
        mac.init(new SecretKeySpec(new byte[32], "HmacSHA256"));
        for (long i = 0; i < units; i++) {
            mac.update(plaintext);
            check += mac.doFinal()[0];
        }
        long t2 = System.nanoTime();
        System.out.printf(
                "%s, %d-byte units, %d MB: AES-GCM seal+open %.0f ms, HMAC-SHA-256 %.0f ms (check %d)%n",
                provider.getName(), unit, total >> 20, (t1 - t0) / 1e6, (t2 - t1) / 1e6, check);
    }

    private static Provider provider(String name) throws ReflectiveOperationException {
        if (name.equals("jdk")) {
            return Security.getProvider("SunJCE");
        }
        if (name.equals("accp")) {
            return (Provider) Class.forName("com.amazon.corretto.crypto.provider.AmazonCorrettoCryptoProvider")
                    .getField("INSTANCE")
                    .get(null);
        }
        Provider installed = Security.getProvider(name);
        if (installed == null) {
            throw new IllegalArgumentException("no provider " + name);
        }
        return installed;
    }
}
