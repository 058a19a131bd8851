package org.mailsnap.crypto;

import java.security.GeneralSecurityException;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.mailsnap.model.BlobId;

/** Blob id = HMAC-SHA-256(id key, plaintext). Thread-safe: one {@link Mac} per thread. */
public final class BlobIdHasher {
    private final ThreadLocal<Mac> macs;

    BlobIdHasher(byte[] idKey) {
        SecretKeySpec key = new SecretKeySpec(idKey, "HmacSHA256");
        this.macs = ThreadLocal.withInitial(() -> {
            try {
                Mac mac = Primitives.hmacSha256();
                mac.init(key);
                return mac;
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("HmacSHA256 unavailable", e);
            }
        });
    }

    public BlobId hash(byte[] plaintext) {
        return hash(plaintext, 0, plaintext.length);
    }

    public BlobId hash(byte[] plaintext, int offset, int length) {
        Mac mac = macs.get();
        mac.update(plaintext, offset, length);
        return BlobId.of(mac.doFinal());
    }
}
