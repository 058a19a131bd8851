package org.mailsnap.codec;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.mailsnap.model.BlobId;
import org.mailsnap.model.NameBytes;

/**
 * Appends the primitives {@link ByteReader} reads to a growing array: little-endian {@code u16}/{@code u32}/{@code
 * u64}, the catalog's big-endian {@link #i64be}, unsigned LEB128 varints, zig-zag varints for values that may be
 * negative, length-prefixed strings and names, and raw 32-byte blob ids.
 */
public final class ByteWriter {
    private byte[] buffer;
    private int size;

    public ByteWriter(int initialCapacity) {
        buffer = new byte[Math.max(16, initialCapacity)];
    }

    /** Writes into {@code buffer} from its start (a buffer kept from an earlier writer); grows it when it is full. */
    public ByteWriter(byte[] buffer) {
        this.buffer = buffer;
    }

    public ByteWriter u8(int value) {
        ensure(1);
        buffer[size++] = (byte) value;
        return this;
    }

    public ByteWriter u16(int value) {
        return littleEndian(value, 2);
    }

    public ByteWriter u32(long value) {
        return littleEndian(value, 4);
    }

    public ByteWriter u64(long value) {
        return littleEndian(value, 8);
    }

    public ByteWriter i64be(long value) {
        ensure(8);
        for (int shift = 56; shift >= 0; shift -= 8) {
            buffer[size++] = (byte) (value >>> shift);
        }
        return this;
    }

    /** An unsigned LEB128 varint (negative values take ten bytes). */
    public ByteWriter varint(long unsigned) {
        ensure(10);
        long v = unsigned;
        while ((v & ~0x7FL) != 0) {
            buffer[size++] = (byte) ((v & 0x7F) | 0x80);
            v >>>= 7;
        }
        buffer[size++] = (byte) v;
        return this;
    }

    /** A count or length, which is never negative. */
    public ByteWriter count(long n) {
        if (n < 0) {
            throw new IllegalArgumentException("negative count " + n);
        }
        return varint(n);
    }

    public ByteWriter zigzag(long value) {
        return varint((value << 1) ^ (value >> 63));
    }

    public ByteWriter bytes(byte[] bytes) {
        return bytes(bytes, 0, bytes.length);
    }

    public ByteWriter bytes(byte[] bytes, int offset, int length) {
        ensure(length);
        System.arraycopy(bytes, offset, buffer, size, length);
        size += length;
        return this;
    }

    /** A varint byte length, then the bytes. */
    public ByteWriter lengthPrefixed(byte[] bytes) {
        return count(bytes.length).bytes(bytes);
    }

    public ByteWriter string(String s) {
        return lengthPrefixed(s.getBytes(StandardCharsets.UTF_8));
    }

    /** A file, folder or mailbox name as its exact bytes ({@link NameBytes}): the format's {@code name}. */
    public ByteWriter name(String name) {
        return lengthPrefixed(NameBytes.toBytes(name));
    }

    public ByteWriter blobId(BlobId id) {
        ensure(BlobId.LENGTH);
        id.copyTo(buffer, size);
        size += BlobId.LENGTH;
        return this;
    }

    /** A varint count, then the ids. */
    public ByteWriter blobIds(List<BlobId> ids) {
        count(ids.size());
        ids.forEach(this::blobId);
        return this;
    }

    /** Epoch seconds as a zig-zag varint, then nanoseconds as a varint. */
    public ByteWriter instant(Instant t) {
        return zigzag(t.getEpochSecond()).varint(t.getNano());
    }

    /**
     * Makes room for {@code length} more bytes and counts them written; returns where they start in {@link #array()},
     * for the caller to fill in place (a cipher writing its output there).
     */
    public int extend(int length) {
        ensure(length);
        int at = size;
        size += length;
        return at;
    }

    public int size() {
        return size;
    }

    public byte[] toByteArray() {
        return Arrays.copyOf(buffer, size);
    }

    /** The live buffer; valid up to {@link #size()} until the next write. */
    public byte[] array() {
        return buffer;
    }

    /** Forgets the content, keeping the buffer. */
    public void reset() {
        size = 0;
    }

    private ByteWriter littleEndian(long value, int width) {
        ensure(width);
        for (int i = 0; i < width; i++) {
            buffer[size++] = (byte) (value >>> (8 * i));
        }
        return this;
    }

    private void ensure(int more) {
        if (size + more > buffer.length) {
            long wanted = Math.max((long) size + more, 2L * buffer.length);
            if (wanted > Integer.MAX_VALUE - 16) {
                throw new IllegalStateException("record too large: " + wanted + " bytes");
            }
            buffer = Arrays.copyOf(buffer, (int) wanted);
        }
    }
}
