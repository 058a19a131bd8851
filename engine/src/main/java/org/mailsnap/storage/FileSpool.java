package org.mailsnap.storage;

import java.io.IOException;
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

    /** What the storage does with the complete file: publish it as object {@code name}. */
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

    /** A spool writing to {@code file}, an empty file its storage just created (and owns: it is deleted here). */
    public FileSpool(Path file, Publisher publisher, Failures failures) throws IOException {
        this.file = file;
        this.publisher = publisher;
        this.failures = failures;
        try {
            this.channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE);
        } catch (IOException e) {
            deleteQuietly(e);
            throw failures.translate(e);
        }
    }

    @Override
    void append(byte[] data, int offset, int length) throws IOException {
        try {
            int written = 0;
            while (written < length) {
                written += channel.write(
                        ByteBuffer.wrap(data, offset + written, Math.min(LocalStorage.IO_SLICE, length - written)));
            }
        } catch (IOException e) {
            throw failures.translate(e);
        }
    }

    @Override
    void publish(String name, long size) throws IOException {
        try {
            publisher.publish(name, channel, file, size);
        } catch (IOException e) {
            deleteQuietly(e);
            throw e;
        } finally {
            closeChannel();
        }
        Files.deleteIfExists(file); // an upload leaves it; a rename took it
    }

    @Override
    void discard() throws IOException {
        closeChannel();
        Files.deleteIfExists(file);
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
            Files.deleteIfExists(file);
        } catch (IOException e) {
            failure.addSuppressed(e);
        }
    }
}
