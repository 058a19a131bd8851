package org.mailsnap.mail;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads RFC 5322 dates as they occur in real mail, tolerating what RFC 822 and sloppy writers produce.
 *
 * <pre>
 * date = [day-name ","] day month year hour ":" minute [":" second] [zone] [comment]
 * zone = ("+" / "-") 4DIGIT / "UT" / "GMT" / "Z" / "EST" / "EDT" / "CST" / "CDT" / "MST" / "MDT" / "PST" / "PDT"
 * </pre>
 * Two-digit years are 19xx from 50 on and 20xx below; three-digit years add 1900 (RFC 5322 §4.3); an unknown or
 * missing zone is UTC.
 */
final class MailDates {
    private static final Pattern DATE = Pattern.compile(
            "(?:[A-Za-z]{2,9}\\s*,?\\s*)?(\\d{1,2})[\\s-]+([A-Za-z]{3})[A-Za-z]*\\.?[\\s-]+(\\d{2,4})\\s+"
                    + "(\\d{1,2}):(\\d{2})(?::(\\d{2}))?(?:\\.\\d+)?\\s*([+-]\\d{4}|[A-Za-z]{1,5})?.*",
            Pattern.DOTALL);
    private static final Map<String, Integer> MONTHS = Map.ofEntries(
            Map.entry("jan", 1),
            Map.entry("feb", 2),
            Map.entry("mar", 3),
            Map.entry("apr", 4),
            Map.entry("may", 5),
            Map.entry("jun", 6),
            Map.entry("jul", 7),
            Map.entry("aug", 8),
            Map.entry("sep", 9),
            Map.entry("oct", 10),
            Map.entry("nov", 11),
            Map.entry("dec", 12));
    private static final Map<String, Integer> ZONE_HOURS = Map.ofEntries(
            Map.entry("ut", 0),
            Map.entry("utc", 0),
            Map.entry("gmt", 0),
            Map.entry("z", 0),
            Map.entry("est", -5),
            Map.entry("edt", -4),
            Map.entry("cst", -6),
            Map.entry("cdt", -5),
            Map.entry("mst", -7),
            Map.entry("mdt", -6),
            Map.entry("pst", -8),
            Map.entry("pdt", -7));

    private MailDates() {}

    /** The instant, or null when the text is no date. */
    static Instant parse(String text) {
        if (text == null || text.isBlank() || text.length() > 200) {
            return null;
        }
        Matcher m = DATE.matcher(text.strip());
        if (!m.matches()) {
            return null;
        }
        Integer month = MONTHS.get(m.group(2).toLowerCase(Locale.ROOT));
        if (month == null) {
            return null;
        }
        try {
            int year = year(Integer.parseInt(m.group(3)), m.group(3).length());
            int second = m.group(6) == null ? 0 : Integer.parseInt(m.group(6));
            LocalDateTime local = LocalDateTime.of(
                    year,
                    month,
                    Integer.parseInt(m.group(1)),
                    Integer.parseInt(m.group(4)),
                    Integer.parseInt(m.group(5)),
                    Math.min(second, 59));
            return local.toInstant(zone(m.group(7)));
        } catch (DateTimeException | NumberFormatException invalid) {
            return null;
        }
    }

    private static int year(int value, int digits) {
        if (digits == 2) {
            return value < 50 ? 2000 + value : 1900 + value;
        }
        return digits == 3 ? 1900 + value : value;
    }

    private static ZoneOffset zone(String zone) {
        if (zone == null) {
            return ZoneOffset.UTC;
        }
        if (zone.charAt(0) == '+' || zone.charAt(0) == '-') {
            int hours = Integer.parseInt(zone.substring(1, 3));
            int minutes = Integer.parseInt(zone.substring(3, 5));
            if (hours > 18 || minutes > 59) {
                return ZoneOffset.UTC;
            }
            int sign = zone.charAt(0) == '-' ? -1 : 1;
            return ZoneOffset.ofHoursMinutes(sign * hours, sign * minutes);
        }
        return ZoneOffset.ofHours(ZONE_HOURS.getOrDefault(zone.toLowerCase(Locale.ROOT), 0));
    }
}
