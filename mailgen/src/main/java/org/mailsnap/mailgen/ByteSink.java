package org.mailsnap.mailgen;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;

/**
 * A growable byte buffer that messages are composed into, reused from message to message so that generating a
 * million messages does not allocate a million arrays. Text is appended as ASCII or UTF-8; line ends are {@code \n}
 * only, as Dovecot stores them.
 */
final class ByteSink {
    private byte[] bytes;
    private int length;

    ByteSink(int initialCapacity) {
        bytes = new byte[initialCapacity];
    }

    void clear() {
        length = 0;
    }

    int length() {
        return length;
    }

    byte[] array() {
        return bytes;
    }

    byte[] toByteArray() {
        return java.util.Arrays.copyOf(bytes, length);
    }

    /** Makes room for {@code more} bytes and returns the offset where they go; the caller must fill them all. */
    int reserve(int more) {
        int needed = length + more;
        if (needed < 0) {
            throw new IllegalStateException("message larger than 2 GiB");
        }
        if (needed > bytes.length) {
            bytes = java.util.Arrays.copyOf(bytes, Math.max(needed, bytes.length * 2));
        }
        int at = length;
        length = needed;
        return at;
    }

    // reserve() may replace the array, so it must run before `bytes` is read: never inline it into an expression
    // that names `bytes` first.
    ByteSink put(byte b) {
        int at = reserve(1);
        bytes[at] = b;
        return this;
    }

    ByteSink put(byte[] source) {
        int at = reserve(source.length);
        System.arraycopy(source, 0, bytes, at, source.length);
        return this;
    }

    ByteSink put(ByteSink source) {
        int at = reserve(source.length);
        System.arraycopy(source.bytes, 0, bytes, at, source.length);
        return this;
    }

    /** Appends characters below U+0080 as single bytes; anything else goes through {@link #utf8(String)}. */
    ByteSink ascii(String text) {
        int n = text.length();
        int at = reserve(n);
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (c >= 0x80) {
                length = at;
                return utf8(text);
            }
            bytes[at + i] = (byte) c;
        }
        return this;
    }

    ByteSink utf8(String text) {
        return put(text.getBytes(StandardCharsets.UTF_8));
    }

    ByteSink newline() {
        return put((byte) '\n');
    }

    ByteSink line(String text) {
        return ascii(text).newline();
    }

    ByteSink decimal(long value) {
        return ascii(Long.toString(value));
    }

    /** {@code value} in decimal, left-padded with zeros to {@code width} digits. */
    ByteSink zeroPadded(long value, int width) {
        String digits = Long.toString(value);
        for (int i = digits.length(); i < width; i++) {
            put((byte) '0');
        }
        return ascii(digits);
    }

    ByteSink hex(long value, int digits) {
        int at = reserve(digits);
        for (int i = digits - 1; i >= 0; i--) {
            bytes[at + i] = (byte) "0123456789abcdef".charAt((int) (value & 0xF));
            value >>>= 4;
        }
        return this;
    }

    /** The number of {@code \n} bytes, eight at a time: a message's CRLF size is its size plus this. */
    int countNewlines() {
        int count = 0;
        int i = 0;
        for (; i + 8 <= length; i += 8) {
            long y = (long) LONGS.get(bytes, i) ^ 0x0A0A0A0A0A0A0A0AL;
            // High bit of each byte set exactly where y has a zero byte, i.e. where the input had '\n'.
            long zeros = ~(((y & 0x7F7F7F7F7F7F7F7FL) + 0x7F7F7F7F7F7F7F7FL) | y | 0x7F7F7F7F7F7F7F7FL);
            count += Long.bitCount(zeros);
        }
        for (; i < length; i++) {
            if (bytes[i] == '\n') {
                count++;
            }
        }
        return count;
    }

    private static final java.lang.invoke.VarHandle LONGS =
            java.lang.invoke.MethodHandles.byteArrayViewVarHandle(long[].class, java.nio.ByteOrder.LITTLE_ENDIAN);

    void writeFully(FileChannel channel) throws IOException {
        ByteBuffer buffer = ByteBuffer.wrap(bytes, 0, length);
        while (buffer.hasRemaining()) {
            channel.write(buffer);
        }
    }

    @Override
    public String toString() {
        return new String(bytes, 0, length, StandardCharsets.UTF_8);
    }
}
