package org.mailsnap.mail;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.james.mime4j.codec.DecodeMonitor;
import org.apache.james.mime4j.codec.DecoderUtil;
import org.apache.james.mime4j.util.MimeUtil;
import org.mailsnap.codec.Bytes;
import org.mailsnap.codec.Utf8;

/**
 * The fields a message search needs, taken from a header block: unfolded, RFC 2047 encoded-words decoded.
 *
 * <p>Runs of whitespace (folding included) become one space. Never throws on bad input. Work is bounded: only the first {@link #MAX_HEADER_BYTES} of a header block are
 * read and each value is cut at {@link #MAX_VALUE_CHARS}. Missing fields are {@code ""}; a date that cannot be
 * parsed is null (its text is kept). Header bytes are read as UTF-8, or as ISO-8859-1 when they are not UTF-8.
 *
 * @param messageId the Message-ID without angle brackets
 * @param from      the From field, decoded
 * @param to        every To field, joined with {@code ", "}
 * @param cc        every Cc field, likewise
 * @param subject   the Subject, decoded
 * @param dateText  the Date field as written
 * @param date      the Date as an instant, or null when missing or unparseable
 */
public record HeaderFields(
        String messageId, String from, String to, String cc, String subject, String dateText, Instant date) {
    public static final int MAX_HEADER_BYTES = 256 * 1024;
    public static final int MAX_VALUE_CHARS = 8 * 1024;

    public static HeaderFields parse(byte[] headerBlock) {
        return parse(headerBlock, headerBlock.length);
    }

    /** The fields of the header block that is the first {@code blockLength} bytes of {@code bytes}. */
    public static HeaderFields parse(byte[] bytes, int blockLength) {
        int length = Math.min(blockLength, MAX_HEADER_BYTES);
        Charset charset = Utf8.isWellFormed(bytes, 0, length) ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1;
        String messageId = "";
        String from = "";
        String subject = "";
        String dateText = "";
        List<String> to = new ArrayList<>();
        List<String> cc = new ArrayList<>();
        for (String field : unfoldedFields(bytes, length, charset)) {
            int colon = field.indexOf(':');
            if (colon <= 0) {
                continue;
            }
            String name = field.substring(0, colon).trim().toLowerCase(Locale.ROOT);
            String raw = cut(field.substring(colon + 1).trim());
            switch (name) {
                case "message-id" -> messageId = messageId.isEmpty() ? stripAngles(raw) : messageId;
                case "from" -> from = from.isEmpty() ? decodeWords(raw) : from;
                case "subject" -> subject = subject.isEmpty() ? decodeWords(raw) : subject;
                case "date" -> dateText = dateText.isEmpty() ? raw : dateText;
                case "to" -> to.add(decodeWords(raw));
                case "cc" -> cc.add(decodeWords(raw));
                default -> {}
            }
        }
        return new HeaderFields(
                messageId,
                from,
                cut(String.join(", ", to)),
                cut(String.join(", ", cc)),
                subject,
                dateText,
                MailDates.parse(dateText));
    }

    /** The names of the fields {@link #parse} keeps, lower case. */
    private static final List<String> KEPT = List.of("message-id", "from", "subject", "date", "to", "cc");

    /**
     * Splits the header's first {@code length} bytes into fields, continuation lines joined (folding whitespace kept
     * as one space), each line decoded with {@code charset}. A field whose first line names one that {@link #parse}
     * does not keep (most of a header block: Received, DKIM-Signature, ...) is skipped with its continuation lines,
     * without being decoded. Lines end at ASCII bytes, which no multi-byte UTF-8 sequence contains, so a line decodes
     * to what it would be as part of the whole block decoded; the block is not decoded whole (a first backup spent a
     * fifth of its allocation on the block as chars and then as a string).
     */
    private static List<String> unfoldedFields(byte[] block, int length, Charset charset) {
        List<String> fields = new ArrayList<>();
        StringBuilder current = null;
        boolean skipping = false;
        for (int start = 0; start <= length; ) {
            int newline = Bytes.indexOf(block, (byte) '\n', start, length);
            int end = newline < 0 ? length : newline;
            int lineStart = start;
            int lineEnd = newline > start && block[newline - 1] == '\r' ? end - 1 : end;
            start = newline < 0 ? length + 1 : newline + 1;
            if (lineEnd == lineStart) {
                break; // the empty line ends the header
            }
            byte first = block[lineStart];
            if ((first == ' ' || first == '\t') && (current != null || skipping)) {
                if (current != null && current.length() < MAX_VALUE_CHARS * 2) {
                    current.append(new String(block, lineStart, lineEnd - lineStart, charset));
                }
            } else {
                if (current != null) {
                    fields.add(current.toString());
                }
                skipping = !mayBeKept(block, lineStart, lineEnd);
                if (skipping) {
                    current = null;
                } else {
                    String line = new String(block, lineStart, lineEnd - lineStart, charset);
                    current = new StringBuilder().append(line, 0, Math.min(line.length(), MAX_VALUE_CHARS * 2));
                }
            }
        }
        if (current != null) {
            fields.add(current.toString());
        }
        return fields;
    }

    /**
     * False when the field starting with {@code block[from, to)} is surely one {@link #parse} drops: its first line
     * has a colon and the name before it (trimmed as {@link String#trim} trims) is none of {@link #KEPT}. A first line
     * without a colon may find its colon in a continuation line, so that field is built and judged by {@code parse}.
     * The bytes compared are ASCII, which UTF-8 and ISO-8859-1 both decode to the same characters.
     */
    private static boolean mayBeKept(byte[] block, int from, int to) {
        int colon = Bytes.indexOf(block, (byte) ':', from, to);
        if (colon < 0) {
            return true;
        }
        int nameStart = from;
        int nameEnd = colon;
        while (nameStart < nameEnd && (block[nameStart] & 0xFF) <= ' ') {
            nameStart++;
        }
        while (nameEnd > nameStart && (block[nameEnd - 1] & 0xFF) <= ' ') {
            nameEnd--;
        }
        for (String kept : KEPT) {
            if (nameEnd - nameStart == kept.length() && asciiEqualsIgnoringCase(block, nameStart, kept)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether {@code block} at {@code at} holds {@code lower} (ASCII lower case) in either case of its ASCII letters:
     * what {@code toLowerCase(Locale.ROOT)} then {@code equals} decides for these names (no other character lowers to
     * one of their letters but the Kelvin sign, and no name has a k).
     */
    private static boolean asciiEqualsIgnoringCase(byte[] block, int at, String lower) {
        for (int i = 0; i < lower.length(); i++) {
            int c = block[at + i];
            if (c != lower.charAt(i) && !(c >= 'A' && c <= 'Z' && c + ('a' - 'A') == lower.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    private static String decodeWords(String value) {
        try {
            String unfolded = MimeUtil.unfold(value);
            // most values hold no encoded word: the decoder's regular expressions are then skipped
            String decoded =
                    unfolded.contains("=?") ? DecoderUtil.decodeEncodedWords(unfolded, DecodeMonitor.SILENT) : unfolded;
            return cut(collapseWhitespace(decoded).strip());
        } catch (RuntimeException garbage) {
            return value;
        }
    }

    /** Each run of spaces, tabs and line ends as one space. */
    private static String collapseWhitespace(String s) {
        StringBuilder out = new StringBuilder(s.length());
        boolean inRun = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean white = c == ' ' || c == '\t' || c == '\r' || c == '\n';
            if (!white) {
                out.append(c);
            } else if (!inRun) {
                out.append(' ');
            }
            inRun = white;
        }
        return out.toString();
    }

    private static String stripAngles(String value) {
        String v = value.strip();
        int open = v.indexOf('<');
        int close = v.indexOf('>', open + 1);
        return open >= 0 && close > open ? v.substring(open + 1, close).strip() : v;
    }

    private static String cut(String value) {
        return value.length() <= MAX_VALUE_CHARS ? value : value.substring(0, MAX_VALUE_CHARS);
    }
}
