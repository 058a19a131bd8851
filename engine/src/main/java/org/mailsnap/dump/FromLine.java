package org.mailsnap.dump;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * The {@code From } line that opens each message of an mbox: {@code From <sender> <asctime date>\n}.
 *
 * <p>The sender is the envelope sender as delivery recorded it ({@code Return-Path}), else the address of the
 * {@code From} header, else {@code MAILER-DAEMON} (also for the null sender {@code <>} and anything with blanks or
 * control characters, which would break the line). The date is the message file's mtime, which is its IMAP
 * INTERNALDATE (its arrival), in UTC.
 */
final class FromLine {
    static final String UNKNOWN_SENDER = "MAILER-DAEMON";
    private static final DateTimeFormatter ASCTIME = DateTimeFormatter.ofPattern(
                    "EEE MMM ppd HH:mm:ss yyyy", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    private FromLine() {}

    static byte[] of(byte[] header, long mtimeNanos) {
        Instant time = Instant.ofEpochSecond(Math.floorDiv(mtimeNanos, 1_000_000_000L));
        String line = "From " + sender(header) + " " + ASCTIME.format(time) + "\n";
        return line.getBytes(StandardCharsets.ISO_8859_1);
    }

    static String sender(byte[] header) {
        String text = new String(header, StandardCharsets.ISO_8859_1);
        String returnPath = field(text, "return-path");
        if (returnPath != null) {
            return address(returnPath);
        }
        String from = field(text, "from");
        return from == null ? UNKNOWN_SENDER : address(from);
    }

    /** The first field of that name, continuation lines joined; null when absent. */
    private static String field(String header, String lowerName) {
        String[] lines = header.split("\r?\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            if (line.isEmpty()) {
                return null;
            }
            int colon = line.indexOf(':');
            if (colon > 0
                    && line.substring(0, colon).strip().toLowerCase(Locale.ROOT).equals(lowerName)) {
                StringBuilder value = new StringBuilder(line.substring(colon + 1));
                while (i + 1 < lines.length
                        && !lines[i + 1].isEmpty()
                        && (lines[i + 1].charAt(0) == ' ' || lines[i + 1].charAt(0) == '\t')) {
                    value.append(' ').append(lines[++i].strip());
                }
                return value.toString().strip();
            }
        }
        return null;
    }

    /** The addr-spec in angle brackets, or the first word with an {@code @}; checked to fit on the line. */
    private static String address(String value) {
        String candidate = null;
        int open = value.lastIndexOf('<');
        int close = value.indexOf('>', open + 1);
        if (open >= 0 && close > open) {
            candidate = value.substring(open + 1, close).strip();
        } else {
            for (String word : value.split("[ \\t,;]+")) {
                if (word.indexOf('@') > 0) {
                    candidate = word;
                    break;
                }
            }
        }
        return candidate != null && fitsOnTheLine(candidate) ? candidate : UNKNOWN_SENDER;
    }

    private static boolean fitsOnTheLine(String s) {
        return !s.isEmpty() && s.length() <= 512 && s.chars().allMatch(c -> c > ' ' && c < 0x7f);
    }
}
