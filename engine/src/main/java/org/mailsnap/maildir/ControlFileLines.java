package org.mailsnap.maildir;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.mailsnap.model.NameBytes;

/**
 * The lines of a small text file as raw bytes, so an unmodified file is written back byte for byte.
 *
 * @param lines        every line without its {@code \n}
 * @param finalNewline whether the last line ended with {@code \n}
 */
record ControlFileLines(List<byte[]> lines, boolean finalNewline) {
    ControlFileLines {
        lines = List.copyOf(lines);
    }

    static ControlFileLines split(byte[] content) {
        List<byte[]> lines = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < content.length; i++) {
            if (content[i] == '\n') {
                lines.add(Arrays.copyOfRange(content, start, i));
                start = i + 1;
            }
        }
        boolean finalNewline = start == content.length;
        if (!finalNewline) {
            lines.add(Arrays.copyOfRange(content, start, content.length));
        }
        return new ControlFileLines(lines, finalNewline || lines.isEmpty());
    }

    /** A line as text; names inside it keep their exact bytes ({@link NameBytes}). */
    static String text(byte[] line) {
        return NameBytes.fromBytes(line);
    }

    /** A copy with {@code line} appended; the result ends with a newline. */
    ControlFileLines append(String line) {
        List<byte[]> more = new ArrayList<>(lines);
        more.add(NameBytes.toBytes(line));
        return new ControlFileLines(more, true);
    }

    byte[] toBytes() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 0; i < lines.size(); i++) {
            out.writeBytes(lines.get(i));
            if (i < lines.size() - 1 || finalNewline) {
                out.write('\n');
            }
        }
        return out.toByteArray();
    }
}
