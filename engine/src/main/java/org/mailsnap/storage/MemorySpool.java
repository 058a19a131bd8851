package org.mailsnap.storage;

import java.io.IOException;
import java.util.Arrays;

/**
 * A spool in memory, published through its storage's {@link Storage#put(String, byte[], int)}: for storages that
 * keep objects in memory anyway, and for wrappers that must see every object as a put (the test storages that fail
 * or count puts).
 */
final class MemorySpool implements SpooledObject {
    private final Storage storage;
    private byte[] bytes = new byte[64 * 1024];
    private int size;
    private boolean finished;

    MemorySpool(Storage storage) {
        this.storage = storage;
    }

    @Override
    public void write(byte[] data, int offset, int length) {
        checkOpen();
        if (size + length > bytes.length) {
            if (size + (long) length > Integer.MAX_VALUE - 8) {
                throw new IllegalStateException("a spooled object in memory cannot exceed 2 GiB");
            }
            bytes = Arrays.copyOf(bytes, (int) Math.min(Integer.MAX_VALUE - 8, Math.max(size + length, 2L * size)));
        }
        System.arraycopy(data, offset, bytes, size, length);
        size += length;
    }

    @Override
    public long size() {
        return size;
    }

    @Override
    public void publish(String name) throws IOException {
        checkOpen();
        finished = true;
        byte[] published = bytes;
        bytes = null;
        storage.put(name, published, size);
    }

    @Override
    public void close() {
        finished = true;
        bytes = null;
    }

    private void checkOpen() {
        if (finished) {
            throw new IllegalStateException("spooled object already published or discarded");
        }
    }
}
