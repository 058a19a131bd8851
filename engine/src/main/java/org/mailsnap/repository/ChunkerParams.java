package org.mailsnap.repository;

/**
 * Content-defined chunking sizes, fixed per repository (so all hosts cut the same content the same way).
 *
 * @param min smallest chunk in bytes
 * @param avg target average chunk, a power of two
 * @param max largest chunk in bytes
 */
public record ChunkerParams(int min, int avg, int max) {
    public static final ChunkerParams DEFAULT = new ChunkerParams(16 * 1024, 64 * 1024, 256 * 1024);
    static final int LOWEST = 64;
    static final int HIGHEST = 64 * 1024 * 1024;

    public ChunkerParams {
        String problem = problem(min, avg, max);
        if (problem != null) {
            throw new IllegalArgumentException(problem);
        }
    }

    /** Why these values are not allowed, or null. */
    static String problem(long min, long avg, long max) {
        if (!(LOWEST <= min && min < avg && avg < max && max <= HIGHEST) || Long.bitCount(avg) != 1) {
            return "chunker sizes min " + min + ", avg " + avg + ", max " + max + " break " + LOWEST
                    + " <= min < avg < max <= " + HIGHEST + " with avg a power of two";
        }
        return null;
    }
}
