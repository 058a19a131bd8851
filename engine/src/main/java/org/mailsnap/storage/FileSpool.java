package org.mailsnap.storage;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * A spool in a temporary file that its storage created and publishes: a directory renames it into place, an object
 * store uploads it. Writes go to the kernel in slices of {@link LocalStorage#IO_SLICE} bytes (why: that constant's
 * doc). The file is deleted when the spool is discarded, and after publishing if the storage left it there.
 */
public final class FileSpool extends SpoolBase {

    /** What the storage does with the complete file: publish it as object {@code name} ({@code file} null if unnamed). */
    public interface Publisher {
        void publish(String name, FileChannel channel, Path file, long size) throws IOException;
    }

    /** Turns a failure to write the file into the storage's error (naming the repository, "disk full", ...). */
    public interface Failures {
        IOException translate(IOException e);
    }

    private final Path file;
    private final FileChannel channel;
    private final Publisher publisher;
    private final Failures failures;
    /**
     * Small blobs gathered into slices before they go to the kernel: a write call per blob (a 50k-message first
     * backup writes ~100k of them) cost ~1.5 s of system time (benchmarks/results/2026-12-06-pack-spool).
     */
    private final byte[] buffer = new byte[LocalStorage.IO_SLICE];

    private int buffered;

    /** A spool writing to {@code file}, an empty file its storage just created (and owns: it is deleted here). */
    public FileSpool(Path file, Publisher publisher, Failures failures) throws IOException {
        this(file, open(file, failures), publisher, failures);
    }

    private FileSpool(Path file, FileChannel channel, Publisher publisher, Failures failures) {
        this.file = file;
        this.channel = channel;
        this.publisher = publisher;
        this.failures = failures;
    }

    /**
     * A spool in a file without a name: created in {@code directory} and unlinked at once, so that it lives only as
     * long as this process holds it open, and a killed run leaves nothing behind. For a storage that publishes by
     * reading the file back (an upload), not by renaming it; its publisher is given a null path.
     */
    public static FileSpool unnamed(Path directory, Publisher publisher, Failures failures) throws IOException {
        Path file;
        try {
            file = Files.createTempFile(directory, "mailsnap-spool-", ".tmp");
        } catch (IOException e) {
            throw failures.translate(e);
        }
        FileChannel channel = open(file, failures);
        try {
            Files.delete(file);
        } catch (IOException e) {
            channel.close();
            throw failures.translate(e);
        }
        return new FileSpool(null, channel, publisher, failures);
    }

    private static FileChannel open(Path file, Failures failures) throws IOException {
        try {
            return FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE);
        } catch (IOException e) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw failures.translate(e);
        }
    }

    /**
     * The first {@code size} bytes written, as a stream of positional reads (the channel's position is left alone),
     * for a publisher that uploads them; every call starts at the beginning again, as a retried upload needs.
     */
    public static InputStream stream(FileChannel channel, long size) {
        return new InputStream() {
            private long at;

            @Override
            public int read() throws IOException {
                byte[] one = new byte[1];
                return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
            }

            @Override
            public int read(byte[] buffer, int offset, int length) throws IOException {
                if (at >= size) {
                    return -1;
                }
                if (length == 0) {
                    return 0;
                }
                int read = channel.read(ByteBuffer.wrap(buffer, offset, (int) Math.min(length, size - at)), at);
                if (read < 0) {
                    throw new IOException("spool file shrank to " + at + " of " + size + " bytes");
                }
                at += read;
                return read;
            }
        };
    }

    @Override
    void append(byte[] data, int offset, int length) throws IOException {
        if (buffered + length <= buffer.length) {
            System.arraycopy(data, offset, buffer, buffered, length);
            buffered += length;
            return;
        }
        drain();
        if (length < buffer.length) {
            System.arraycopy(data, offset, buffer, 0, length);
            buffered = length;
        } else {
            writeOut(data, offset, length);
        }
    }

    /** Writes out what the buffer holds. */
    private void drain() throws IOException {
        writeOut(buffer, 0, buffered);
        buffered = 0;
    }

    private void writeOut(byte[] data, int offset, int length) throws IOException {
        try {
            LocalStorage.writeInSlices(channel, data, offset, length);
        } catch (IOException e) {
            throw failures.translate(e);
        }
    }

    @Override
    void publish(String name, long size) throws IOException {
        try {
            drain();
            publisher.publish(name, channel, file, size);
        } catch (IOException e) {
            deleteQuietly(e);
            throw e;
        } finally {
            closeChannel();
        }
        deleteIfNamed(); // an upload leaves it; a rename took it
    }

    @Override
    void discard() throws IOException {
        closeChannel();
        deleteIfNamed();
    }

    private void deleteIfNamed() throws IOException {
        if (file != null) {
            Files.deleteIfExists(file);
        }
    }

    private void closeChannel() throws IOException {
        try {
            channel.close();
        } catch (IOException e) {
            throw failures.translate(e);
        }
    }

    private void deleteQuietly(IOException failure) {
        try {
            deleteIfNamed();
        } catch (IOException e) {
            failure.addSuppressed(e);
        }
    }
}
