package org.mailsnap.dump;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A minimal mboxrd reader, written from the format's definition independently of the writer: a line starting with
 * {@code From } opens a message; in a message, one {@code >} is removed from lines matching {@code ^>+From }; the
 * empty line before the next {@code From } line (or the end) belongs to the separator.
 */
final class MboxReader {
    record Message(String fromLine, byte[] bytes) {}

    private MboxReader() {}

    static List<Message> read(byte[] mbox) {
        List<Message> messages = new ArrayList<>();
        String fromLine = null;
        ByteArrayOutputStream current = null;
        int start = 0;
        while (start < mbox.length) {
            int end = start;
            while (end < mbox.length && mbox[end] != '\n') {
                end++;
            }
            end = Math.min(end + 1, mbox.length);
            byte[] line = Arrays.copyOfRange(mbox, start, end);
            start = end;
            if (startsWith(line, 0, "From ")) {
                if (current != null) {
                    messages.add(finish(fromLine, current));
                }
                fromLine = new String(line, StandardCharsets.ISO_8859_1).stripTrailing();
                current = new ByteArrayOutputStream();
                continue;
            }
            if (current == null) {
                throw new IllegalArgumentException("mbox does not start with a From line");
            }
            int quotes = 0;
            while (quotes < line.length && line[quotes] == '>') {
                quotes++;
            }
            boolean quoted = quotes > 0 && startsWith(line, quotes, "From ");
            current.write(line, quoted ? 1 : 0, line.length - (quoted ? 1 : 0));
        }
        if (current != null) {
            messages.add(finish(fromLine, current));
        }
        return messages;
    }

    private static Message finish(String fromLine, ByteArrayOutputStream current) {
        byte[] b = current.toByteArray();
        if (b.length == 0 || b[b.length - 1] != '\n') {
            throw new IllegalArgumentException("message after '" + fromLine + "' lacks the separating empty line");
        }
        return new Message(fromLine, Arrays.copyOf(b, b.length - 1));
    }

    private static boolean startsWith(byte[] line, int offset, String prefix) {
        if (line.length - offset < prefix.length()) {
            return false;
        }
        for (int i = 0; i < prefix.length(); i++) {
            if (line[offset + i] != prefix.charAt(i)) {
                return false;
            }
        }
        return true;
    }
}
