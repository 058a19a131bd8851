package org.mailsnap.crypto;

/**
 * Argon2id cost parameters, as stored in a key file.
 *
 * @param memoryKiB   memory in KiB (Argon2 m)
 * @param iterations  passes over memory (Argon2 t)
 * @param parallelism lanes (Argon2 p)
 */
public record Argon2Params(int memoryKiB, int iterations, int parallelism) {
    /** About 0.3 s and 64 MiB per unlock on the reference machine. */
    public static final Argon2Params DEFAULT = new Argon2Params(64 * 1024, 3, 2);

    public static final int MAX_MEMORY_KIB = 2 * 1024 * 1024;
    public static final int MAX_ITERATIONS = 100;
    public static final int MAX_PARALLELISM = 16;

    public Argon2Params {
        String problem = problem(memoryKiB, iterations, parallelism);
        if (problem != null) {
            throw new IllegalArgumentException(problem);
        }
    }

    /**
     * Why these values are outside the bounds every reader enforces (so that a damaged key file cannot make a reader
     * allocate gigabytes or spin), or null when they are fine.
     */
    public static String problem(long memoryKiB, long iterations, long parallelism) {
        if (parallelism < 1 || parallelism > MAX_PARALLELISM) {
            return "Argon2 parallelism " + parallelism + " outside 1.." + MAX_PARALLELISM;
        }
        if (memoryKiB < 8 * parallelism || memoryKiB > MAX_MEMORY_KIB) {
            return "Argon2 memory " + memoryKiB + " KiB outside " + 8 * parallelism + ".." + MAX_MEMORY_KIB;
        }
        if (iterations < 1 || iterations > MAX_ITERATIONS) {
            return "Argon2 iterations " + iterations + " outside 1.." + MAX_ITERATIONS;
        }
        return null;
    }
}
