package org.mailsnap.storage;

import java.io.IOException;
import java.util.Arrays;

/**
 * A spool in memory, published through its storage's {@link Storage#put(String, byte[], int)}: for storages that
 * keep objects in memory anyway, and for wrappers that must see every object as a put (the test storages that fail
 * or count puts).
 */
final class MemorySpool extends SpoolBase {
    private final Storage storage;
    private byte[] bytes = new byte[64 * 1024];

    MemorySpool(Storage storage) {
        this.storage = storage;
    }

    @Override
    void append(byte[] data, int offset, int length) {
        int size = (int) size();
        if (size + (long) length > bytes.length) {
            if (size + (long) length > Integer.MAX_VALUE - 8) {
                throw new IllegalStateException("a spooled object in memory cannot exceed 2 GiB");
            }
            bytes = Arrays.copyOf(bytes, (int) Math.min(Integer.MAX_VALUE - 8, Math.max(size + length, 2L * size)));
        }
        System.arraycopy(data, offset, bytes, size, length);
    }

    @Override
    void publish(String name, long size) throws IOException {
        byte[] published = bytes;
        bytes = null;
        storage.put(name, published, (int) size);
    }

    @Override
    void discard() {
        bytes = null;
    }
}
