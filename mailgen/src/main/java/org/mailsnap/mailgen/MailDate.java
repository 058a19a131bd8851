package org.mailsnap.mailgen;

import java.time.LocalDateTime;
import java.time.ZoneOffset;

/** RFC 5322 date-time text, e.g. {@code Tue, 04 Jun 2024 09:12:37 +0200}, always in English. */
final class MailDate {
    private static final String[] DAYS = {"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"};
    private static final String[] MONTHS = {
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"
    };
    /** Offsets senders write in their Date header, in minutes. */
    static final int[] SENDER_OFFSETS = {0, 60, 120, 120, 60, -300, -420, 330, 540, 0};

    private MailDate() {}

    static String format(long epochSecond, int offsetMinutes) {
        LocalDateTime local =
                LocalDateTime.ofEpochSecond(epochSecond, 0, ZoneOffset.ofTotalSeconds(offsetMinutes * 60));
        int absolute = Math.abs(offsetMinutes);
        return String.format(
                java.util.Locale.ROOT,
                "%s, %02d %s %d %02d:%02d:%02d %c%02d%02d",
                DAYS[local.getDayOfWeek().getValue() - 1],
                local.getDayOfMonth(),
                MONTHS[local.getMonthValue() - 1],
                local.getYear(),
                local.getHour(),
                local.getMinute(),
                local.getSecond(),
                offsetMinutes < 0 ? '-' : '+',
                absolute / 60,
                absolute % 60);
    }
}
