package org.mailsnap.codec;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.mailsnap.model.BlobId;
import org.mailsnap.model.NameBytes;

/** Appends primitives to a growing byte array. */
public final class Encoder {
    private byte[] buf;
    private int size;

    public Encoder() {
        this(256);
    }

    public Encoder(int capacity) {
        buf = new byte[Math.max(16, capacity)];
    }

    public int size() {
        return size;
    }

    public byte[] toByteArray() {
        return Arrays.copyOf(buf, size);
    }

    /** Forgets the content, keeping the buffer. */
    public void reset() {
        size = 0;
    }

    public Encoder writeByte(int b) {
        ensure(1);
        buf[size++] = (byte) b;
        return this;
    }

    public Encoder writeBytes(byte[] bytes) {
        return writeBytes(bytes, 0, bytes.length);
    }

    public Encoder writeBytes(byte[] bytes, int offset, int length) {
        ensure(length);
        System.arraycopy(bytes, offset, buf, size, length);
        size += length;
        return this;
    }

    public Encoder writeVarLong(long value) {
        ensure(10);
        long v = value;
        while ((v & ~0x7fL) != 0) {
            buf[size++] = (byte) ((v & 0x7f) | 0x80);
            v >>>= 7;
        }
        buf[size++] = (byte) v;
        return this;
    }

    public Encoder writeSignedVarLong(long value) {
        return writeVarLong((value << 1) ^ (value >> 63));
    }

    public Encoder writeString(String s) {
        byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
        writeVarLong(bytes.length);
        return writeBytes(bytes);
    }

    /** A file, folder or mailbox name as its exact bytes ({@link NameBytes}): the format's {@code name}. */
    public Encoder writeName(String name) {
        return writeLengthPrefixed(NameBytes.toBytes(name));
    }

    public Encoder writeLengthPrefixed(byte[] bytes) {
        writeVarLong(bytes.length);
        return writeBytes(bytes);
    }

    public Encoder writeBlobId(BlobId id) {
        ensure(BlobId.LENGTH);
        id.copyTo(buf, size);
        size += BlobId.LENGTH;
        return this;
    }

    public Encoder writeBlobIds(List<BlobId> ids) {
        writeVarLong(ids.size());
        for (BlobId id : ids) {
            writeBlobId(id);
        }
        return this;
    }

    private void ensure(int more) {
        if (size + more > buf.length) {
            buf = Arrays.copyOf(buf, Math.max(buf.length * 2, size + more));
        }
    }
}
