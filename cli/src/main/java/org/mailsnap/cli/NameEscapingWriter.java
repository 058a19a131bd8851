package org.mailsnap.cli;

import java.io.FilterWriter;
import java.io.IOException;
import java.io.Writer;

/**
 * Shows names with bytes that are not UTF-8 as {@code \xNN} wherever they are printed (results, warnings, errors):
 * the escape chars of {@link org.mailsnap.model.NameBytes} (a U+DC80..U+DCFF that is not the second half of a
 * surrogate pair) become the four characters of their byte; everything else passes to the UTF-8 writer beneath.
 */
final class NameEscapingWriter extends FilterWriter {
    /** The last char written was a high surrogate: a low one now completes a pair (calls may split it). */
    private boolean afterHigh;

    NameEscapingWriter(Writer out) {
        super(out);
    }

    @Override
    public void write(int c) throws IOException {
        write(new char[] {(char) c}, 0, 1);
    }

    @Override
    public void write(char[] buf, int off, int len) throws IOException {
        int run = off;
        for (int i = off; i < off + len; i++) {
            char c = buf[i];
            if (c >= 0xDC80 && c <= 0xDCFF && !afterHigh) {
                out.write(buf, run, i - run);
                out.write(String.format("\\x%02x", c - 0xDC00));
                run = i + 1;
            }
            afterHigh = Character.isHighSurrogate(c);
        }
        out.write(buf, run, off + len - run);
    }

    @Override
    public void write(String s, int off, int len) throws IOException {
        write(s.toCharArray(), off, len);
    }
}
