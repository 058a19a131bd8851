package org.mailsnap.bench;

/** Whether a measured figure meets its target; {@link #NA} when it could not be measured in this run. */
enum Verdict {
    PASS,
    MISS,
    NA;

    /**
     * Judges {@code ratio} against {@code limit}: at most the limit when {@code atMost}, at least it otherwise.
     * A missing or non-finite ratio (a peer absent, a division by zero) is {@link #NA}.
     */
    static Verdict judge(Double ratio, double limit, boolean atMost) {
        if (ratio == null || ratio.isNaN() || ratio.isInfinite()) {
            return NA;
        }
        return (atMost ? ratio <= limit : ratio >= limit) ? PASS : MISS;
    }

    @Override
    public String toString() {
        return this == NA ? "n/a" : name();
    }
}
