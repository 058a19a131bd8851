package org.mailsnap.codec;

/** Searches in byte arrays. */
public final class Bytes {
    private Bytes() {}

    /** The first index of {@code wanted} in {@code bytes[from, to)}, or -1. */
    public static int indexOf(byte[] bytes, byte wanted, int from, int to) {
        for (int i = from; i < to; i++) {
            if (bytes[i] == wanted) {
                return i;
            }
        }
        return -1;
    }
}
