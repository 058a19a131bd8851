package org.mailsnap.storage;

import java.io.Closeable;
import java.io.IOException;

/**
 * An object written piece by piece and published once complete, under a name known only then (a pack is named by
 * the hash of its bytes). The bytes wait where the storage can publish them cheaply, a temporary file for the
 * storages that have one, so that a writer does not hold a whole pack in memory. Not thread-safe.
 */
public interface SpooledObject extends Closeable {

    /** Appends {@code length} bytes of {@code data} from {@code offset}. */
    void write(byte[] data, int offset, int length) throws IOException;

    /** Bytes written so far. */
    long size();

    /**
     * Publishes the bytes written under {@code name}, as {@link Storage#put} does (atomically, durably once this
     * returns). Once only; whether it succeeds or fails, nothing may be written after it.
     */
    void publish(String name) throws IOException;

    /** Discards the bytes unless they were published; calling it again does nothing. */
    @Override
    void close() throws IOException;
}
