package org.mailsnap.mailgen;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.util.concurrent.TimeUnit;

/** Writes new files with a given mtime; never replaces an existing file (a Maildir name is never reused). */
final class FileWriting {
    private FileWriting() {}

    static void writeNew(Path file, ByteSink content, long mtimeNanos) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            content.writeFully(channel);
        }
        setMtime(file, mtimeNanos);
    }

    static void writeNew(Path file, byte[] content, long mtimeNanos) throws IOException {
        Files.write(file, content, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        setMtime(file, mtimeNanos);
    }

    static void setMtime(Path file, long mtimeNanos) throws IOException {
        Files.setLastModifiedTime(file, FileTime.from(mtimeNanos, TimeUnit.NANOSECONDS));
    }
}
