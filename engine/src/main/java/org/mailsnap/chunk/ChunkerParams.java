package org.mailsnap.chunk;

/**
 * Chunk size bounds in bytes. {@code average} must be a power of two; {@code min < average < max}.
 * Stored in the repository config, so every host of a repository cuts alike and deduplicates against the others.
 */
public record ChunkerParams(int min, int average, int max) {
    /** Body chunks: small enough to dedup forwarded attachments, at most 256 KiB (one fast AES-GCM unit). */
    public static final ChunkerParams BODY = new ChunkerParams(16 * 1024, 64 * 1024, 256 * 1024);
    /** Manifest and control-file chunks: a few KiB, so one flag change rewrites little. */
    public static final ChunkerParams RECORDS = new ChunkerParams(1024, 4096, 16 * 1024);

    public ChunkerParams {
        if (Integer.bitCount(average) != 1 || min <= 0 || min >= average || average >= max) {
            throw new IllegalArgumentException("bad chunker parameters: min=" + min + " average=" + average
                    + " max=" + max + " (need 0 < min < average < max, average a power of two)");
        }
    }
}
