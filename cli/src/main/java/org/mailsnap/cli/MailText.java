package org.mailsnap.cli;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.mailsnap.catalog.MessageInfo;

/**
 * A message as the text renderings show it, mail first: date, From, Subject and flags in words, in columns.
 * The date is the Date header as the search index holds it, else the file's mtime (its arrival); From and
 * Subject are {@code -} when the message has none or the index does not know it.
 */
final class MailText {
    static final DateTimeFormatter DATE =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneId.systemDefault());
    private static final int DATE_WIDTH = 16;
    private static final int FROM_WIDTH = 28;
    private static final int SUBJECT_WIDTH = 40;

    private MailText() {}

    /** {@code 2026-11-24 10:00  Bob <bob@example.net>  Quarterly figures  seen, answered}. */
    static String line(MessageInfo info, long mtimeNanos, String flags) {
        return line(info, Instant.EPOCH.plusNanos(mtimeNanos), flags);
    }

    /** As {@link #line(MessageInfo, long, String)}; {@code arrival} null when unknown (the date shows {@code -}). */
    static String line(MessageInfo info, Instant arrival, String flags) {
        Instant date = info != null && info.date() != null ? info.date() : arrival;
        return (date == null ? column(null, DATE_WIDTH) : DATE.format(date)) + "  "
                + column(info == null ? null : info.from(), FROM_WIDTH) + "  "
                + column(info == null ? null : info.subject(), SUBJECT_WIDTH) + "  " + flags;
    }

    /** The flags in words, {@code new} first for a message in {@code new/} (no client has seen it); {@code -}. */
    static String flags(List<String> words, boolean inCur) {
        if (!inCur) {
            return words.isEmpty() ? "new" : "new, " + String.join(", ", words);
        }
        return words(words);
    }

    /** The words joined, {@code -} for none. */
    static String words(List<String> words) {
        return words.isEmpty() ? "-" : String.join(", ", words);
    }

    /** A header value on one line, cut to {@code width} with an ellipsis, padded to it. */
    static String column(String value, int width) {
        String text = value == null || value.isBlank()
                ? "-"
                : value.replaceAll("[\\p{Cntrl}]+", " ").strip();
        if (text.length() > width) {
            text = text.substring(0, width - 1) + "…";
        }
        return text + " ".repeat(width - text.length());
    }
}
