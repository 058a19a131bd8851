package org.mailsnap.chunk;

/**
 * Chunk size bounds in bytes: {@code LOWEST <= min < average < max <= HIGHEST}, {@code average} a power of two.
 * The body sizes are stored in the repository config (format-spec/objects.md), so every host of a repository cuts
 * alike and deduplicates against the others; the record and manifest sizes are rules of the format.
 *
 * @param min     smallest chunk (a chunk ends early only at the end of its input)
 * @param average target average chunk
 * @param max     largest chunk
 */
public record ChunkerParams(int min, int average, int max) {
    /** The smallest {@code min} and the largest {@code max} a repository config may hold. */
    public static final int LOWEST = 64;

    public static final int HIGHEST = 64 * 1024 * 1024;
    /**
     * Body chunks, and the default of a new repository: small enough to dedup forwarded attachments, at most
     * 256 KiB (one fast AES-GCM unit).
     */
    public static final ChunkerParams BODY = new ChunkerParams(16 * 1024, 64 * 1024, 256 * 1024);
    /** Tree chunks and the content chunks of a version 3 manifest: a few KiB. */
    public static final ChunkerParams RECORDS = new ChunkerParams(1024, 4096, 16 * 1024);
    /**
     * Control-file chunks (~16 uidlist lines): a move or an expunge removes a line from the middle of a uidlist,
     * and every changed line rewrites the chunk around it.
     */
    public static final ChunkerParams CONTROL_LINES = new ChunkerParams(256, 1024, 16 * 1024);
    /**
     * Placement chunks of a version 3 manifest: ~1 KiB of references and name suffixes (~120 entries), which a flag
     * change rewrites; smaller chunks mean more ids in the tree, larger ones more bytes per rename.
     */
    public static final ChunkerParams PLACEMENTS = new ChunkerParams(256, 1024, 16 * 1024);

    public ChunkerParams {
        String problem = problem(min, average, max);
        if (problem != null) {
            throw new IllegalArgumentException(problem);
        }
    }

    /** Why these sizes are not allowed, or null; takes longs so that a parser can check unsigned fields first. */
    public static String problem(long min, long average, long max) {
        if (!(LOWEST <= min && min < average && average < max && max <= HIGHEST) || Long.bitCount(average) != 1) {
            return "chunker sizes min " + min + ", avg " + average + ", max " + max + " break " + LOWEST
                    + " <= min < avg < max <= " + HIGHEST + " with avg a power of two";
        }
        return null;
    }
}
