package org.mailsnap.cli;

import java.io.FilterWriter;
import java.io.IOException;
import java.io.Writer;

/**
 * Shows names with bytes that are not UTF-8 as {@code \xNN} wherever they are printed (results, warnings, errors):
 * the escape chars of {@link org.mailsnap.model.NameBytes} (U+DC80..U+DCFF) become the four characters of their
 * byte; everything else passes to the UTF-8 writer beneath unchanged.
 */
final class NameEscapingWriter extends FilterWriter {
    NameEscapingWriter(Writer out) {
        super(out);
    }

    @Override
    public void write(int c) throws IOException {
        if (c >= 0xDC80 && c <= 0xDCFF) {
            out.write(String.format("\\x%02x", c - 0xDC00));
        } else {
            out.write(c);
        }
    }

    @Override
    public void write(char[] buf, int off, int len) throws IOException {
        int run = off;
        for (int i = off; i < off + len; i++) {
            char c = buf[i];
            if (c >= 0xDC80 && c <= 0xDCFF) {
                out.write(buf, run, i - run);
                write(c);
                run = i + 1;
            }
        }
        out.write(buf, run, off + len - run);
    }

    @Override
    public void write(String s, int off, int len) throws IOException {
        write(s.toCharArray(), off, len);
    }
}
