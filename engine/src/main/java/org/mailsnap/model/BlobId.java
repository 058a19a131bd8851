package org.mailsnap.model;

import java.util.Arrays;
import java.util.HexFormat;

/** A blob's 32-byte keyed hash. Immutable; compares by value; orders by unsigned bytes. */
public final class BlobId implements Comparable<BlobId> {
    public static final int LENGTH = 32;
    private static final HexFormat HEX = HexFormat.of();

    private final byte[] bytes;
    private final int hash;

    private BlobId(byte[] bytes) {
        this.bytes = bytes;
        this.hash = Arrays.hashCode(bytes);
    }

    /** Wraps a copy of {@code bytes}, which must be exactly 32 long. */
    public static BlobId of(byte[] bytes) {
        if (bytes.length != LENGTH) {
            throw new IllegalArgumentException("blob id must be " + LENGTH + " bytes, got " + bytes.length);
        }
        return new BlobId(bytes.clone());
    }

    /** Reads 32 bytes at {@code offset}. */
    public static BlobId of(byte[] source, int offset) {
        return new BlobId(Arrays.copyOfRange(source, offset, offset + LENGTH));
    }

    public byte[] toBytes() {
        return bytes.clone();
    }

    /** Copies the 32 bytes into {@code target} at {@code offset}. */
    public void copyTo(byte[] target, int offset) {
        System.arraycopy(bytes, 0, target, offset, LENGTH);
    }

    public String toHex() {
        return HEX.formatHex(bytes);
    }

    /** The first 8 hex digits, for messages. */
    public String shortHex() {
        return toHex().substring(0, 8);
    }

    @Override
    public int compareTo(BlobId other) {
        return Arrays.compareUnsigned(bytes, other.bytes);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof BlobId other && Arrays.equals(bytes, other.bytes);
    }

    @Override
    public int hashCode() {
        return hash;
    }

    @Override
    public String toString() {
        return toHex();
    }
}
