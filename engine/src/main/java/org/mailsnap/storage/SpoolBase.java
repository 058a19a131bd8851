package org.mailsnap.storage;

import java.io.IOException;

/**
 * What every spool shares: it counts the bytes written, and is published or discarded once; after either, a write or
 * a second publication is a programming error. Subclasses say where the bytes go.
 */
abstract class SpoolBase implements SpooledObject {
    private long size;
    private boolean finished;

    @Override
    public final void write(byte[] data, int offset, int length) throws IOException {
        checkOpen();
        append(data, offset, length);
        size += length;
    }

    @Override
    public final long size() {
        return size;
    }

    @Override
    public final void publish(String name) throws IOException {
        checkOpen();
        finished = true;
        publish(name, size);
    }

    @Override
    public final void close() throws IOException {
        if (!finished) {
            finished = true;
            discard();
        }
    }

    /** Keeps {@code length} more bytes. */
    abstract void append(byte[] data, int offset, int length) throws IOException;

    /** Publishes the {@code size} bytes kept as object {@code name}; called once. */
    abstract void publish(String name, long size) throws IOException;

    /** Drops the bytes kept; called once, and never after {@link #publish(String, long)}. */
    abstract void discard() throws IOException;

    private void checkOpen() {
        if (finished) {
            throw new IllegalStateException("spooled object already published or discarded");
        }
    }
}
