package org.mailsnap.crypto;

import java.security.GeneralSecurityException;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * HMAC-SHA-256 from the provider every other primitive comes from ({@link Primitives}: AWS-LC, else the JDK's).
 * Asking the JDK for it by name alone walks its provider list up to SunJCE, and on the way loads every provider class
 * a service loader finds (PKCS#11, smart cards, XML signatures, SASL...): classes a short run reads from the JDK's
 * module image for nothing.
 */
public final class HmacSha256 {
    private HmacSha256() {}

    /** A MAC initialised with {@code key}, ready for {@code update} and {@code doFinal}. */
    public static Mac keyed(byte[] key) {
        try {
            Mac mac = Primitives.hmacSha256();
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }
}
