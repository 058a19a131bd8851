package org.mailsnap.repository;

import java.util.Arrays;

/** A growable little-endian byte buffer for building objects. */
final class ByteWriter {
    private byte[] buffer;
    private int size;

    ByteWriter(int initialCapacity) {
        buffer = new byte[Math.max(16, initialCapacity)];
    }

    ByteWriter u8(int value) {
        ensure(1);
        buffer[size++] = (byte) value;
        return this;
    }

    ByteWriter u16(int value) {
        return u8(value).u8(value >>> 8);
    }

    ByteWriter u32(long value) {
        ensure(4);
        for (int i = 0; i < 4; i++) {
            buffer[size++] = (byte) (value >>> (8 * i));
        }
        return this;
    }

    ByteWriter u64(long value) {
        ensure(8);
        for (int i = 0; i < 8; i++) {
            buffer[size++] = (byte) (value >>> (8 * i));
        }
        return this;
    }

    ByteWriter bytes(byte[] data) {
        return bytes(data, 0, data.length);
    }

    ByteWriter bytes(byte[] data, int offset, int length) {
        ensure(length);
        System.arraycopy(data, offset, buffer, size, length);
        size += length;
        return this;
    }

    int size() {
        return size;
    }

    byte[] toByteArray() {
        return Arrays.copyOf(buffer, size);
    }

    /** The live buffer; valid up to {@link #size()} until the next write. */
    byte[] array() {
        return buffer;
    }

    private void ensure(int more) {
        if (size + more > buffer.length) {
            long wanted = Math.max((long) size + more, 2L * buffer.length);
            if (wanted > Integer.MAX_VALUE - 16) {
                throw new IllegalStateException("object too large: " + wanted + " bytes");
            }
            buffer = Arrays.copyOf(buffer, (int) wanted);
        }
    }
}
