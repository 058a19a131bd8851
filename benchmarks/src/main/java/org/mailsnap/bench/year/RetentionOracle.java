package org.mailsnap.bench.year;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.NavigableMap;
import java.util.NavigableSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Which snapshot times a {@link Thinning} keeps, computed apart from the engine's retention code and in another way:
 * not a walk newest-first, but per rule a map from each period (the hour, day, Monday-started week or month it
 * falls in, UTC) to the newest time in it, of which the newest {@code n} periods are kept; when there are fewer
 * than {@code n} periods, the oldest time too (restic 0.17's "oldest" rule, which mailsnap follows).
 *
 * <p>Why one computation over the whole history predicts the result of a forget every day: a time that is the
 * newest of its period, among the {@code n} newest periods at the end, was also the newest of its period (or the
 * newest time of all) at every earlier forget, and its period ranked no lower then, so no earlier forget removed
 * it; and the final forget sees every such time, so the periods it counts are the same.
 */
public final class RetentionOracle {
    private RetentionOracle() {}

    public static NavigableSet<Instant> kept(Collection<Instant> times, Thinning policy) {
        NavigableSet<Instant> kept = new TreeSet<>();
        if (times.isEmpty()) {
            return kept;
        }
        kept.addAll(newestOfNewestPeriods(times, policy.hourly(), t -> utc(t).truncatedTo(ChronoUnit.HOURS)));
        kept.addAll(newestOfNewestPeriods(times, policy.daily(), t -> utc(t).toLocalDate()));
        kept.addAll(newestOfNewestPeriods(
                times,
                policy.weekly(),
                t -> utc(t).toLocalDate().with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY))));
        kept.addAll(newestOfNewestPeriods(times, policy.monthly(), t -> YearMonth.from(utc(t))));
        return kept;
    }

    private static <P extends Comparable<? super P>> Collection<Instant> newestOfNewestPeriods(
            Collection<Instant> times, int n, Function<Instant, P> period) {
        if (n == 0) {
            return new ArrayList<>();
        }
        NavigableMap<P, Instant> newest = new TreeMap<>();
        for (Instant t : times) {
            newest.merge(period.apply(t), t, (a, b) -> a.isAfter(b) ? a : b);
        }
        List<Instant> newestFirst = new ArrayList<>(newest.descendingMap().values());
        if (newestFirst.size() >= n) {
            return newestFirst.subList(0, n);
        }
        newestFirst.add(Collections.min(times));
        return newestFirst;
    }

    private static LocalDateTime utc(Instant t) {
        return LocalDateTime.ofInstant(t, ZoneOffset.UTC);
    }
}
