package org.mailsnap.dump;

import java.io.IOException;
import java.io.OutputStream;
import org.mailsnap.codec.Bytes;

/**
 * The mboxrd quoting of one message: every line matching {@code ^>*From } gets one more {@code >} in front, so that
 * a reader removes exactly one from every line matching {@code ^>+From } and gets the message back byte for byte.
 * Nothing else changes (CRLF stays CRLF). Streams: a line's start is held back only while it could still become
 * {@code >…>From }, as a count of {@code >} and a position in {@code "From "}, so memory stays constant whatever
 * the line.
 */
final class FromQuoting extends OutputStream {
    private static final byte[] FROM = {'F', 'r', 'o', 'm', ' '};

    private final OutputStream out;
    private boolean scanning = true;
    private long quotes;
    private int matched;
    private int last = -1;

    FromQuoting(OutputStream out) {
        this.out = out;
    }

    @Override
    public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        int end = off + len;
        int i = off;
        while (i < end) {
            if (scanning) {
                scan(b[i++]);
                continue;
            }
            int newline = Bytes.indexOf(b, (byte) '\n', i, end);
            int stop = newline < 0 ? end : newline + 1;
            out.write(b, i, stop - i);
            last = b[stop - 1] & 0xff;
            scanning = newline >= 0;
            i = stop;
        }
    }

    private void scan(byte c) throws IOException {
        if (matched == 0 && c == '>') {
            quotes++;
            return;
        }
        if (c == FROM[matched]) {
            if (++matched == FROM.length) {
                out.write('>');
                release();
                scanning = false;
                last = ' ';
            }
            return;
        }
        release();
        out.write(c);
        last = c & 0xff;
        scanning = c == '\n';
    }

    /** Writes the held-back start of the line as it was. */
    private void release() throws IOException {
        for (; quotes > 0; quotes--) {
            out.write('>');
            last = '>';
        }
        if (matched > 0) {
            out.write(FROM, 0, matched);
            last = FROM[matched - 1];
            matched = 0;
        }
    }

    /**
     * Ends the message: writes what is held back and reports whether the message's last byte was a line feed.
     * The stream is ready for the next message.
     */
    boolean endMessage() throws IOException {
        release();
        boolean endedWithNewline = last == '\n';
        scanning = true;
        last = -1;
        return endedWithNewline;
    }
}
