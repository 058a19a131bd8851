package org.mailsnap.cli;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses the times an operator types for {@code --at}, {@code --since}, {@code --until}: ISO-8601 instants and local
 * date-times or dates, relative ages ({@code 90m}, {@code 2h}, {@code 3d}, {@code 1w}), {@code now}, and
 * {@code today|yesterday [HH:MM]}. Local times are in the clock's zone.
 */
final class TimeExpressions {
    private static final Pattern RELATIVE = Pattern.compile("(\\d+)\\s*(s|m|min|h|d|w)( ago)?");
    private static final Pattern DAY = Pattern.compile("(today|yesterday)(?:\\s+(\\d{1,2}:\\d{2}(?::\\d{2})?))?");

    private TimeExpressions() {}

    /** The moment {@code text} names; a whole day ({@code 2026-11-24}, {@code yesterday}) means its end. */
    static Instant parse(String text, Clock clock) {
        return parse(text, clock, LocalTime.MAX);
    }

    /**
     * For the start of a range ({@code find --since}): a whole day means its beginning, so that
     * {@code --since 2026-11-24} includes that day.
     */
    static Instant parseStart(String text, Clock clock) {
        return parse(text, clock, LocalTime.MIDNIGHT);
    }

    private static Instant parse(String text, Clock clock, LocalTime wholeDay) {
        String s = text.trim().toLowerCase(Locale.ROOT);
        if (s.equals("now")) {
            return clock.instant();
        }
        Matcher rel = RELATIVE.matcher(s);
        if (rel.matches()) {
            long n = Long.parseLong(rel.group(1));
            Duration d = switch (rel.group(2)) {
                case "s" -> Duration.ofSeconds(n);
                case "m", "min" -> Duration.ofMinutes(n);
                case "h" -> Duration.ofHours(n);
                case "d" -> Duration.ofDays(n);
                default -> Duration.ofDays(7 * n);
            };
            return clock.instant().minus(d);
        }
        Matcher day = DAY.matcher(s);
        if (day.matches()) {
            LocalDate date = LocalDate.now(clock).minusDays(day.group(1).equals("yesterday") ? 1 : 0);
            LocalTime time = day.group(2) == null ? wholeDay : LocalTime.parse(pad(day.group(2)));
            return date.atTime(time).atZone(clock.getZone()).toInstant();
        }
        String iso = text.trim().replace(' ', 'T');
        try {
            return Instant.parse(iso);
        } catch (DateTimeParseException ignored) {
            // try the next form
        }
        try {
            return OffsetDateTime.parse(iso).toInstant();
        } catch (DateTimeParseException ignored) {
            // try the next form
        }
        try {
            return LocalDateTime.parse(iso).atZone(clock.getZone()).toInstant();
        } catch (DateTimeParseException ignored) {
            // try the next form
        }
        try {
            return LocalDate.parse(iso).atTime(wholeDay).atZone(clock.getZone()).toInstant();
        } catch (DateTimeParseException ignored) {
            throw new UserError(
                    ExitCode.USAGE,
                    "cannot read the time '" + text + "': use ISO-8601 "
                            + "(2026-11-24T10:00), a relative age (2h, 3d), 'now', or 'yesterday 10:00'");
        }
    }

    private static final Pattern TIME_OF_DAY = Pattern.compile("(\\d{1,2}):(\\d{2})(?::(\\d{2})(\\.\\d+)?)?");

    /**
     * The last instant of the moment {@code text} names, for {@code --at}: a time to the second means the end of that
     * second (a snapshot's recorded time has sub-second digits, and {@code snapshots} prints it to the second), to
     * the minute the end of that minute, a day the end of that day. Relative ages, {@code now} and times with a
     * fraction of a second are exact.
     */
    static Instant parseEnd(String text, Clock clock) {
        Instant start = parse(text, clock);
        String s = text.trim().toLowerCase(Locale.ROOT);
        if (s.equals("now") || RELATIVE.matcher(s).matches()) {
            return start;
        }
        Matcher time = TIME_OF_DAY.matcher(s);
        if (!time.find() || time.group(4) != null) {
            return start; // a day alone is parsed as its last instant already; a fraction is exact
        }
        Duration precision = time.group(3) != null ? Duration.ofSeconds(1) : Duration.ofMinutes(1);
        return start.plus(precision).minusNanos(1);
    }

    private static String pad(String hhmm) {
        return hhmm.length() == 4 ? "0" + hhmm : hhmm;
    }
}
