package org.mailsnap.retention;

import java.time.ZonedDateTime;
import java.time.temporal.IsoFields;
import java.util.Locale;

/** The time buckets of the {@code --keep-<bucket>} rules; a snapshot's bucket is a number from its local time. */
public enum Bucket {
    HOURLY,
    DAILY,
    WEEKLY,
    MONTHLY,
    YEARLY;

    /** As the {@code --keep-<bucket>} option names it. */
    final String word = name().toLowerCase(Locale.ROOT);

    /** Equal for two times exactly when they fall into the same hour, day, ISO week, month or year. */
    long of(ZonedDateTime t) {
        return switch (this) {
            case HOURLY -> (t.getYear() * 10_000L + t.getDayOfYear()) * 100 + t.getHour();
            case DAILY -> t.getYear() * 10_000L + t.getDayOfYear();
            // the ISO week-based year: 2024-12-30 belongs to week 1 of 2025
            case WEEKLY -> t.get(IsoFields.WEEK_BASED_YEAR) * 100L + t.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR);
            case MONTHLY -> t.getYear() * 100L + t.getMonthValue();
            case YEARLY -> t.getYear();
        };
    }
}
