package org.mailsnap.check;

import java.util.Random;
import java.util.function.Predicate;
import org.mailsnap.model.PackId;

/**
 * Which packs {@code --read-data} reads whole: none, all, the n-th of N buckets of pack ids ({@code 1/24}: run it
 * hourly with n = the hour + 1 and the whole repository is read once a day), or a random share ({@code 5%}).
 */
public final class DataSelection {
    public static final DataSelection NONE = new DataSelection("none", packId -> false);
    public static final DataSelection ALL = new DataSelection("all", packId -> true);

    private final String spec;
    private final Predicate<PackId> rule;

    private DataSelection(String spec, Predicate<PackId> rule) {
        this.spec = spec;
        this.rule = rule;
    }

    public boolean selects(PackId packId) {
        return rule.test(packId);
    }

    /** The selection as it is given on the command line. */
    @Override
    public String toString() {
        return spec;
    }

    /**
     * Parses {@code n/N} (1 ≤ n ≤ N) or {@code P%} (0 < P ≤ 100).
     *
     * @param random draws the packs of a percentage
     * @throws IllegalArgumentException naming the spec when it is neither
     */
    public static DataSelection parse(String spec, Random random) {
        String s = spec.trim();
        try {
            if (s.endsWith("%")) {
                double percent = Double.parseDouble(s.substring(0, s.length() - 1));
                if (!(percent > 0 && percent <= 100)) {
                    throw new IllegalArgumentException("read-data subset " + spec + ": the share must be in (0, 100]");
                }
                return new DataSelection(s, packId -> random.nextDouble() * 100 < percent);
            }
            int slash = s.indexOf('/');
            if (slash > 0) {
                int n = Integer.parseInt(s.substring(0, slash));
                int total = Integer.parseInt(s.substring(slash + 1));
                if (total < 1 || n < 1 || n > total) {
                    throw new IllegalArgumentException("read-data subset " + spec + ": need 1 <= n <= N in n/N");
                }
                return bucket(n, total);
            }
        } catch (NumberFormatException e) {
            // fall through
        }
        throw new IllegalArgumentException("read-data subset " + spec + ": expected n/N (e.g. 1/24) or P% (e.g. 5%)");
    }

    /** The packs whose id's first 32 bits fall in the n-th of N equal ranges. */
    static DataSelection bucket(int n, int total) {
        return new DataSelection(n + "/" + total, packId -> {
            long top = Long.parseLong(packId.hex().substring(0, 8), 16);
            return (int) ((top * total) >>> 32) == n - 1;
        });
    }
}
