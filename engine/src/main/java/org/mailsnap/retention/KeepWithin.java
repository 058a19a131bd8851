package org.mailsnap.retention;

import java.time.ZonedDateTime;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A calendar duration as {@code --keep-within} takes it: {@code 1y5m7d2h} (years, months, days, hours, each
 * optional, in that order). Calendar units, not seconds: "1m" before 31 March is 28 February (the end of the month).
 */
public record KeepWithin(int years, int months, int days, int hours) {
    private static final Pattern SYNTAX = Pattern.compile("(?:(\\d+)y)?(?:(\\d+)m)?(?:(\\d+)d)?(?:(\\d+)h)?");

    public KeepWithin {
        if (years < 0 || months < 0 || days < 0 || hours < 0) {
            throw new IllegalArgumentException("negative duration");
        }
    }

    /** Parses {@code 1y5m7d2h}, {@code 90d}, {@code 48h}; throws with the offending text otherwise. */
    public static KeepWithin parse(String text) {
        Matcher m = SYNTAX.matcher(text);
        if (text.isEmpty() || !m.matches()) {
            throw new IllegalArgumentException("not a duration like 1y5m7d2h or 90d: '" + text + "'");
        }
        return new KeepWithin(group(m, 1, text), group(m, 2, text), group(m, 3, text), group(m, 4, text));
    }

    private static int group(Matcher m, int i, String text) {
        String g = m.group(i);
        if (g == null) {
            return 0;
        }
        try {
            return Integer.parseInt(g);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("duration too large: '" + text + "'");
        }
    }

    /** The earliest moment still "within": {@code newest} minus this duration. */
    ZonedDateTime before(ZonedDateTime newest) {
        return newest.minusYears(years).minusMonths(months).minusDays(days).minusHours(hours);
    }

    @Override
    public String toString() {
        StringBuilder b = new StringBuilder();
        if (years > 0) b.append(years).append('y');
        if (months > 0) b.append(months).append('m');
        if (days > 0) b.append(days).append('d');
        if (hours > 0 || b.length() == 0) b.append(hours).append('h');
        return b.toString();
    }
}
