package org.mailsnap.maildir;

import java.util.ArrayList;
import java.util.List;
import org.mailsnap.model.NameBytes;

/** The lines of a small text file; names inside them keep their exact bytes ({@link NameBytes}). */
final class ControlFileLines {
    private ControlFileLines() {}

    /** Every line without its {@code \n}; a last line without one is a line too. */
    static List<String> split(byte[] content) {
        List<String> lines = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < content.length; i++) {
            if (content[i] == '\n') {
                lines.add(NameBytes.fromBytes(content, start, i - start));
                start = i + 1;
            }
        }
        if (start < content.length) {
            lines.add(NameBytes.fromBytes(content, start, content.length - start));
        }
        return lines;
    }
}
