package org.mailsnap.crypto;

import com.amazon.corretto.crypto.provider.AmazonCorrettoCryptoProvider;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.Provider;
import java.util.Locale;
import javax.crypto.Cipher;
import javax.crypto.Mac;

/**
 * Where AES-256-GCM, HMAC-SHA-256 and SHA-256 come from: the Amazon Corretto Crypto Provider (AWS-LC, native code
 * with the CPU's AES, CLMUL and SHA instructions from the first call) when it loads and passes its self-tests,
 * otherwise the JDK. Both compute the same standard functions, so the choice never changes a byte on disk.
 *
 * <p>Why not only the JDK: a backup or restore is a short-lived JVM, and the JDK's GCM runs as Java code until C2
 * compiles its callers, so this provider halves the crypto time of a fresh JVM, and at steady state it is still
 * about twice as fast (benchmarks/results/design-measurements.md).
 *
 * <p>{@code MAILSNAP_CRYPTO=jdk} (or the system property {@code mailsnap.crypto=jdk}) forces the JDK, for comparison
 * or on a platform whose native library misbehaves.
 */
public final class Primitives {
    private static final Provider NATIVE = loadNative();

    private Primitives() {}

    /** "AWS-LC (Amazon Corretto Crypto Provider x.y.z)" or "JDK": for version output and benchmark records. */
    public static String description() {
        return NATIVE == null ? "JDK" : "AWS-LC (Amazon Corretto Crypto Provider " + NATIVE.getVersionStr() + ")";
    }

    static Cipher aesGcm() throws GeneralSecurityException {
        return NATIVE == null
                ? Cipher.getInstance("AES/GCM/NoPadding")
                : Cipher.getInstance("AES/GCM/NoPadding", NATIVE);
    }

    static Mac hmacSha256() throws GeneralSecurityException {
        return NATIVE == null ? Mac.getInstance("HmacSHA256") : Mac.getInstance("HmacSHA256", NATIVE);
    }

    static MessageDigest sha256() throws GeneralSecurityException {
        return NATIVE == null ? MessageDigest.getInstance("SHA-256") : MessageDigest.getInstance("SHA-256", NATIVE);
    }

    /** True when the JDK's own GCM is in use (it needs direct buffers for large units). */
    static boolean jdkGcm() {
        return NATIVE == null;
    }

    private static Provider loadNative() {
        String choice = System.getProperty("mailsnap.crypto", System.getenv("MAILSNAP_CRYPTO"));
        if (choice != null && choice.toLowerCase(Locale.ROOT).equals("jdk")) {
            return null;
        }
        try {
            AmazonCorrettoCryptoProvider provider = AmazonCorrettoCryptoProvider.INSTANCE;
            if (provider.getLoadingError() != null) {
                return null; // no native library for this platform: the JDK does the same, slower
            }
            provider.assertHealthy();
            return provider;
        } catch (RuntimeException | LinkageError unavailable) {
            return null;
        }
    }
}
