package org.mailsnap.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/** A real full disk for tests: a file that grows until the file system (a small tmpfs, say) refuses more. */
final class FullDisk {
    private static final int PAGE = 4096;

    private FullDisk() {}

    /** Writes {@code filler} until the disk is full, then frees {@code pagesLeft} pages of it again. */
    static void fill(Path filler, int pagesLeft) throws IOException {
        try (OutputStream out = Files.newOutputStream(filler)) {
            byte[] block = new byte[PAGE];
            while (true) {
                out.write(block);
                out.flush();
            }
        } catch (IOException full) {
            // the disk is full: what the caller wants
        }
        if (pagesLeft > 0) {
            try (FileChannel channel = FileChannel.open(filler, StandardOpenOption.WRITE)) {
                channel.truncate(Math.max(0, channel.size() - (long) pagesLeft * PAGE));
            }
        }
    }
}
