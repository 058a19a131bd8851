package org.mailsnap.storage;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Makes writes durable. A seam so that tests can observe the order of syncs and make one fail (a disk that fills
 * up at the last moment), which no file-system permission can force when the tests run as root.
 */
interface FileSync {

    /** Flushes the bytes and metadata of an open file to the disk. */
    void syncFile(FileChannel channel, Path file) throws IOException;

    /** Flushes a directory, so that the names created, renamed or removed in it survive a crash. */
    void syncDirectory(Path directory) throws IOException;

    /** The real thing: fsync(2) on the file and on the directory. */
    FileSync FSYNC = new FileSync() {
        @Override
        public void syncFile(FileChannel channel, Path file) throws IOException {
            channel.force(true);
        }

        @Override
        public void syncDirectory(Path directory) throws IOException {
            // Linux and the BSDs allow opening a directory read-only to fsync it; this is how a rename is made durable.
            try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
                channel.force(true);
            }
        }
    };
}
