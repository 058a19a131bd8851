package org.mailsnap.repository;

import java.util.Arrays;

/**
 * Bounds-checked little-endian reads from an object's bytes; running off the end is a {@link
 * CorruptObjectException} naming the object and the field.
 */
final class ByteReader {
    private final byte[] data;
    private final String object;
    private int position;
    private final int end;

    ByteReader(byte[] data, String object) {
        this(data, 0, data.length, object);
    }

    ByteReader(byte[] data, int offset, int end, String object) {
        this.data = data;
        this.position = offset;
        this.end = end;
        this.object = object;
    }

    int u8(String field) throws CorruptObjectException {
        need(1, field);
        return data[position++] & 0xFF;
    }

    int u16(String field) throws CorruptObjectException {
        need(2, field);
        int value = (data[position] & 0xFF) | (data[position + 1] & 0xFF) << 8;
        position += 2;
        return value;
    }

    long u32(String field) throws CorruptObjectException {
        need(4, field);
        long value = 0;
        for (int i = 3; i >= 0; i--) {
            value = value << 8 | (data[position + i] & 0xFF);
        }
        position += 4;
        return value;
    }

    /** A u32 that must fit a Java int (at most {@code max}). */
    int u32AtMost(String field, long max) throws CorruptObjectException {
        long value = u32(field);
        if (value > max) {
            throw new CorruptObjectException(object, field + " " + value + " exceeds the limit " + max);
        }
        return (int) value;
    }

    long u64(String field) throws CorruptObjectException {
        need(8, field);
        long value = 0;
        for (int i = 7; i >= 0; i--) {
            value = value << 8 | (data[position + i] & 0xFF);
        }
        position += 8;
        return value;
    }

    byte[] bytes(int length, String field) throws CorruptObjectException {
        need(length, field);
        byte[] result = Arrays.copyOfRange(data, position, position + length);
        position += length;
        return result;
    }

    int position() {
        return position;
    }

    int remaining() {
        return end - position;
    }

    void expectEnd(String what) throws CorruptObjectException {
        if (position != end) {
            throw new CorruptObjectException(object, (end - position) + " unexpected bytes after " + what);
        }
    }

    private void need(int length, String field) throws CorruptObjectException {
        if (length < 0 || end - position < length) {
            throw new CorruptObjectException(object, "truncated: " + field + " needs " + length + " bytes at offset "
                    + position + ", " + Math.max(0, end - position) + " left");
        }
    }
}
