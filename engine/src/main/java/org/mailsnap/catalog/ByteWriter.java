package org.mailsnap.catalog;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import org.mailsnap.model.BlobId;
import org.mailsnap.model.NameBytes;

/**
 * Appends the catalog's primitive encodings to a growing array: unsigned LEB128 varints, zig-zag varints for values
 * that may be negative, big-endian fixed-width integers, length-prefixed UTF-8 strings and raw 32-byte blob ids.
 * {@link ByteReader} reads them back.
 */
final class ByteWriter {
    private byte[] buf;
    private int size;

    ByteWriter(int initialCapacity) {
        buf = new byte[Math.max(16, initialCapacity)];
    }

    ByteWriter u8(int value) {
        ensure(1);
        buf[size++] = (byte) value;
        return this;
    }

    ByteWriter varint(long unsigned) {
        ensure(10);
        long v = unsigned;
        while ((v & ~0x7FL) != 0) {
            buf[size++] = (byte) ((v & 0x7F) | 0x80);
            v >>>= 7;
        }
        buf[size++] = (byte) v;
        return this;
    }

    /** A count or length, which is never negative. */
    ByteWriter count(long n) {
        if (n < 0) {
            throw new IllegalArgumentException("negative count " + n);
        }
        return varint(n);
    }

    ByteWriter zigzag(long value) {
        return varint((value << 1) ^ (value >> 63));
    }

    ByteWriter fixed32(int value) {
        ensure(4);
        buf[size++] = (byte) (value >>> 24);
        buf[size++] = (byte) (value >>> 16);
        buf[size++] = (byte) (value >>> 8);
        buf[size++] = (byte) value;
        return this;
    }

    ByteWriter fixed64(long value) {
        fixed32((int) (value >>> 32));
        return fixed32((int) value);
    }

    ByteWriter raw(byte[] bytes) {
        ensure(bytes.length);
        System.arraycopy(bytes, 0, buf, size, bytes.length);
        size += bytes.length;
        return this;
    }

    ByteWriter string(String s) {
        byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
        count(utf8.length);
        return raw(utf8);
    }

    /** A name ({@link NameBytes}) with its length, read back by {@link ByteReader#name}. */
    ByteWriter name(String s) {
        byte[] bytes = NameBytes.toBytes(s);
        count(bytes.length);
        return raw(bytes);
    }

    ByteWriter blobId(BlobId id) {
        ensure(BlobId.LENGTH);
        id.copyTo(buf, size);
        size += BlobId.LENGTH;
        return this;
    }

    ByteWriter instant(Instant t) {
        zigzag(t.getEpochSecond());
        return varint(t.getNano());
    }

    byte[] toByteArray() {
        return Arrays.copyOf(buf, size);
    }

    private void ensure(int more) {
        if (size + more > buf.length) {
            buf = Arrays.copyOf(buf, Math.max(buf.length * 2, size + more));
        }
    }
}
