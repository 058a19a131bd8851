package org.mailsnap.retention;

import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which snapshots of one group to keep (package doc: the rules). Counts are {@code 0} (rule off), positive, or
 * {@link #UNLIMITED}. Immutable.
 *
 * @param last   keep the newest n
 * @param counts per bucket rule, how many buckets to keep
 * @param within keep every snapshot newer than this, measured from the group's newest; null when off
 * @param tags   keep every snapshot carrying all tags of one entry (an entry is {@code a,b}: both tags)
 */
public record RetentionPolicy(int last, Map<Bucket, Integer> counts, KeepWithin within, List<String> tags) {
    public static final int UNLIMITED = -1;

    public RetentionPolicy {
        counts = Map.copyOf(counts);
        tags = List.copyOf(tags);
        check("last", last);
        counts.forEach((b, n) -> check(b.word, n));
    }

    /** {@code last, hourly, daily, weekly, monthly, yearly}: each 0 (off), positive, or -1 (unlimited). */
    public static RetentionPolicy of(
            int last,
            int hourly,
            int daily,
            int weekly,
            int monthly,
            int yearly,
            KeepWithin within,
            List<String> tags) {
        Map<Bucket, Integer> counts = new EnumMap<>(Bucket.class);
        counts.put(Bucket.HOURLY, hourly);
        counts.put(Bucket.DAILY, daily);
        counts.put(Bucket.WEEKLY, weekly);
        counts.put(Bucket.MONTHLY, monthly);
        counts.put(Bucket.YEARLY, yearly);
        return new RetentionPolicy(last, counts, within, tags);
    }

    private static void check(String rule, int n) {
        if (n < UNLIMITED) {
            throw new IllegalArgumentException("--keep-" + rule + " must be 0 or more (or unlimited), not " + n);
        }
    }

    /** True when no rule is set: such a policy would remove everything, so forget refuses it. */
    public boolean isEmpty() {
        return last == 0 && counts.values().stream().allMatch(n -> n == 0) && within == null && tags.isEmpty();
    }

    /**
     * Decides for one group, newest first. Bucket boundaries are those of {@code zone} (local time: a "daily"
     * snapshot is one per calendar day where the operator lives).
     */
    public List<Decision> apply(List<Candidate> group, ZoneId zone) {
        List<Candidate> sorted = new ArrayList<>(group);
        sorted.sort(Comparator.comparing(Candidate::time).reversed().thenComparing(Candidate::id));
        List<List<String>> reasons = new ArrayList<>();
        sorted.forEach(s -> reasons.add(new ArrayList<>()));
        if (sorted.isEmpty()) {
            return List.of();
        }
        for (int i = 0; i < sorted.size() && (last == UNLIMITED || i < last); i++) {
            reasons.get(i).add("last snapshot");
        }
        for (Bucket bucket : Bucket.values()) {
            int count = counts.getOrDefault(bucket, 0);
            if (count != 0) {
                applyBucket(bucket, count, sorted, reasons, zone);
            }
        }
        if (within != null) {
            ZonedDateTime from = within.before(sorted.get(0).time().atZone(zone));
            for (int i = 0; i < sorted.size(); i++) {
                if (sorted.get(i).time().isAfter(from.toInstant())) {
                    reasons.get(i).add("within " + within);
                }
            }
        }
        for (String entry : tags) {
            Set<String> wanted = Set.of(entry.split(","));
            for (int i = 0; i < sorted.size(); i++) {
                if (sorted.get(i).tags().containsAll(wanted)) {
                    reasons.get(i).add("tag " + entry);
                }
            }
        }
        List<Decision> decisions = new ArrayList<>(sorted.size());
        for (int i = 0; i < sorted.size(); i++) {
            decisions.add(new Decision(sorted.get(i), reasons.get(i)));
        }
        return decisions;
    }

    /** Newest first: keep a snapshot whose bucket differs from the last one this rule kept, while count lasts. */
    private static void applyBucket(
            Bucket bucket, int count, List<Candidate> sorted, List<List<String>> reasons, ZoneId zone) {
        int left = count;
        Long lastKept = null;
        int oldest = sorted.size() - 1;
        boolean oldestKept = false;
        for (int i = 0; i < sorted.size() && left != 0; i++) {
            long key = bucket.of(sorted.get(i).time().atZone(zone));
            if (lastKept == null || key != lastKept) {
                reasons.get(i).add(bucket.word + " snapshot");
                lastKept = key;
                oldestKept |= i == oldest;
                if (left > 0) {
                    left--;
                }
            }
        }
        if (left > 0 && !oldestKept) {
            reasons.get(oldest).add("oldest " + bucket.word + " snapshot");
        }
    }
}
