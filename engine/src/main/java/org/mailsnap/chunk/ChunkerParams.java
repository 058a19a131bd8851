package org.mailsnap.chunk;

/**
 * Chunk size bounds in bytes. {@code average} must be a power of two; {@code min < average < max}.
 * Stored in the repository config, so every host of a repository cuts alike and deduplicates against the others.
 */
public record ChunkerParams(int min, int average, int max) {
    /** Body chunks: small enough to dedup forwarded attachments, at most 256 KiB (one fast AES-GCM unit). */
    public static final ChunkerParams BODY = new ChunkerParams(16 * 1024, 64 * 1024, 256 * 1024);
    /** Tree and control-file chunks: a few KiB. */
    public static final ChunkerParams RECORDS = new ChunkerParams(1024, 4096, 16 * 1024);
    /**
     * Manifest chunks: ~5 entries, because a flag change rewrites the chunk around the renamed message. An hour of
     * renames on the 50k benchmark store grew the repository by 4.26 MB at a 4 KiB average, 2.41 MB at 1 KiB and
     * 1.90 MB at 512 bytes; below that the tree, which lists every manifest chunk, grows faster than the chunks
     * shrink.
     */
    public static final ChunkerParams MANIFESTS = new ChunkerParams(128, 512, 16 * 1024);

    public ChunkerParams {
        if (Integer.bitCount(average) != 1 || min <= 0 || min >= average || average >= max) {
            throw new IllegalArgumentException("bad chunker parameters: min=" + min + " average=" + average
                    + " max=" + max + " (need 0 < min < average < max, average a power of two)");
        }
    }
}
