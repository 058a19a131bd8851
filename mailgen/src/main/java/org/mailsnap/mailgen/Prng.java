package org.mailsnap.mailgen;

/**
 * A small, fast pseudo-random generator (xoshiro256**, seeded through SplitMix64) whose output is fixed forever by
 * this code, unlike the JDK's generators whose algorithms may change. Every random choice of the generator and the
 * churn simulator comes from one of these, derived from the user's seed and a path of labels, so that a store does
 * not depend on thread scheduling or on the order in which mailboxes are written.
 */
final class Prng {
    private static final long GOLDEN = 0x9E3779B97F4A7C15L;

    private long s0;
    private long s1;
    private long s2;
    private long s3;

    Prng(long seed) {
        long x = seed;
        s0 = mix(x += GOLDEN);
        s1 = mix(x += GOLDEN);
        s2 = mix(x += GOLDEN);
        s3 = mix(x + GOLDEN);
    }

    /** A generator for the sub-stream named by {@code labels} under {@code seed}: same inputs, same stream. */
    static Prng derive(long seed, long... labels) {
        return new Prng(hash(seed, labels));
    }

    static long hash(long seed, long... labels) {
        long h = mix(seed ^ 0x6A09E667F3BCC908L);
        for (long label : labels) {
            h = mix(h ^ mix(label + GOLDEN));
        }
        return h;
    }

    /** SplitMix64's finaliser: a bijective scramble of 64 bits. */
    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    long nextLong() {
        long result = Long.rotateLeft(s1 * 5, 7) * 9;
        long t = s1 << 17;
        s2 ^= s0;
        s3 ^= s1;
        s1 ^= s2;
        s0 ^= s3;
        s2 ^= t;
        s3 = Long.rotateLeft(s3, 45);
        return result;
    }

    /** Uniform in {@code [0, bound)}; the bias of the multiply-shift method is below 2^-32, irrelevant here. */
    int nextInt(int bound) {
        if (bound <= 0) {
            throw new IllegalArgumentException("bound must be positive: " + bound);
        }
        return (int) (((nextLong() >>> 32) * bound) >>> 32);
    }

    /** Uniform in {@code [from, to]} (both inclusive). */
    int between(int from, int to) {
        return from + nextInt(to - from + 1);
    }

    /** Uniform in {@code [0, 1)}. */
    double nextDouble() {
        return (nextLong() >>> 11) * 0x1.0p-53;
    }

    boolean chance(double probability) {
        return nextDouble() < probability;
    }

    <T> T pick(T[] choices) {
        return choices[nextInt(choices.length)];
    }

    <T> T pick(java.util.List<T> choices) {
        return choices.get(nextInt(choices.size()));
    }
}
