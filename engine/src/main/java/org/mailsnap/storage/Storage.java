package org.mailsnap.storage;

import java.io.Closeable;
import java.io.IOException;
import java.util.List;

/** Immutable named objects: the only thing a repository needs from a disk or an object store. */
public interface Storage extends Closeable {

    /** Publishes {@code data} under {@code name} atomically, replacing any object of that name. */
    void put(String name, byte[] data) throws IOException;

    /**
     * Publishes the first {@code length} bytes of {@code data}, as {@link #put(String, byte[])} does: a pack is
     * built in a buffer that is reused for the next one, larger than the pack. This default copies them out.
     */
    default void put(String name, byte[] data, int length) throws IOException {
        put(name, length == data.length ? data : java.util.Arrays.copyOf(data, length));
    }

    /**
     * A new object to be written piece by piece and published under a name known at the end, whose name will start
     * with {@code directory} (e.g. {@code "data/"}). This default keeps the bytes in memory and publishes them with
     * {@link #put(String, byte[], int)}.
     */
    default SpooledObject spool(String directory) throws IOException {
        ObjectNames.checkPrefix(directory);
        return new MemorySpool(this);
    }

    /** The whole object. */
    byte[] get(String name) throws IOException;

    /**
     * {@code length} bytes from {@code offset}; fails if the object is shorter. Read only from objects written once
     * (packs): a storage may keep a file open from one range read to the next ({@link LocalStorage}).
     */
    byte[] getRange(String name, long offset, int length) throws IOException;

    /**
     * Reads what {@link #getRange} returns into {@code into[0, length)}: a storage that can read into the caller's
     * array (a disk) spares a reader that reuses one (a restore) an array per read.
     */
    default void readRange(String name, long offset, int length, byte[] into) throws IOException {
        System.arraycopy(getRange(name, offset, length), 0, into, 0, length);
    }

    /**
     * How many bytes to read at once for a reader that will want many ranges of an object lying next to each other (a
     * restore's blobs, a walk of manifests): 0 where a read costs little more than the bytes it returns (a disk, whose
     * page cache reads ahead), more where every read is a request with its own round trip and price (S3).
     */
    default int readAheadBytes() {
        return 0;
    }

    /** The object's size in bytes. */
    long size(String name) throws IOException;

    /** True if the object exists. */
    boolean exists(String name) throws IOException;

    /** Every object whose name starts with {@code prefix} (e.g. {@code "index/"}), in no particular order. */
    List<ObjectInfo> list(String prefix) throws IOException;

    /** Removes the object; removing a missing object is not an error. */
    void delete(String name) throws IOException;

    /** Where this storage lives, for messages (e.g. {@code /srv/backup/repo} or {@code s3://bucket/prefix}). */
    String location();

    @Override
    default void close() throws IOException {}
}
