package org.mailsnap.repository;

/**
 * The three buffers a thread reads and opens lent blobs in ({@link PackReader#lendBlob}): the ciphertext as read, the
 * stored bytes as decrypted and the plaintext as decompressed. Each grows to the largest blob it held, up to
 * {@link #KEPT_LIMIT}; a larger blob (only a repository with larger chunks holds one) gets arrays of its own, so a
 * thread keeps at most three times the limit.
 */
final class LentBuffers {
    private static final int KEPT_LIMIT = 4 << 20;
    private static final ThreadLocal<LentBuffers> OF_THREAD = ThreadLocal.withInitial(LentBuffers::new);

    private final Buffer ciphertext = new Buffer();
    private final Buffer stored = new Buffer();
    private final Buffer plaintext = new Buffer();

    private LentBuffers() {}

    static LentBuffers ofThread() {
        return OF_THREAD.get();
    }

    /** An array of at least {@code length} bytes for a blob's ciphertext. */
    byte[] ciphertext(int length) {
        return ciphertext.atLeast(length);
    }

    /** An array of at least {@code length} bytes for a blob's stored bytes. */
    byte[] stored(int length) {
        return stored.atLeast(length);
    }

    /** An array of at least {@code length} bytes for a blob's plaintext. */
    byte[] plaintext(int length) {
        return plaintext.atLeast(length);
    }

    /** One kept array, grown by doubling so a run of slightly larger blobs does not allocate each time. */
    private static final class Buffer {
        private byte[] kept = new byte[0];

        byte[] atLeast(int length) {
            if (length > kept.length && length <= KEPT_LIMIT) {
                kept = new byte[Math.max(length, Math.min(2 * kept.length, KEPT_LIMIT))];
            }
            return length <= kept.length ? kept : new byte[length];
        }
    }
}
