package org.mailsnap.repository;

/**
 * The two buffers a thread opens lent blobs into ({@link PackReader#lendBlob}): the stored bytes as decrypted and the
 * plaintext as decompressed. Each grows to the largest blob it held, up to {@link #KEPT_LIMIT}; a larger blob (only
 * a repository with larger chunks holds one) gets arrays of its own, so a thread keeps at most twice the limit.
 */
final class LentBuffers {
    private static final int KEPT_LIMIT = 4 << 20;
    private static final ThreadLocal<LentBuffers> OF_THREAD = ThreadLocal.withInitial(LentBuffers::new);

    private byte[] stored = new byte[0];
    private byte[] plaintext = new byte[0];

    private LentBuffers() {}

    static LentBuffers ofThread() {
        return OF_THREAD.get();
    }

    /** An array of at least {@code length} bytes for a blob's stored bytes. */
    byte[] stored(int length) {
        if (length > stored.length && length <= KEPT_LIMIT) {
            stored = new byte[grown(stored.length, length)];
        }
        return length <= stored.length ? stored : new byte[length];
    }

    /** An array of at least {@code length} bytes for a blob's plaintext. */
    byte[] plaintext(int length) {
        if (length > plaintext.length && length <= KEPT_LIMIT) {
            plaintext = new byte[grown(plaintext.length, length)];
        }
        return length <= plaintext.length ? plaintext : new byte[length];
    }

    /** Doubling, so a run of slightly larger blobs does not allocate each time. */
    private static int grown(int current, int needed) {
        return Math.max(needed, Math.min(2 * current, KEPT_LIMIT));
    }
}
