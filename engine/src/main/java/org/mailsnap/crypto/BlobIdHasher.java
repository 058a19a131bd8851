package org.mailsnap.crypto;

import javax.crypto.Mac;
import org.mailsnap.model.BlobId;

/** Blob id = HMAC-SHA-256(id key, plaintext). Thread-safe: one {@link Mac} per thread. */
public final class BlobIdHasher {
    private final ThreadLocal<Mac> macs;

    BlobIdHasher(byte[] idKey) {
        byte[] key = idKey.clone();
        this.macs = ThreadLocal.withInitial(() -> HmacSha256.keyed(key));
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
