package org.mailsnap.fs;

import java.nio.file.Path;

/**
 * Asks the kernel for a file's first pages before the file is read ({@code posix_fadvise(POSIX_FADV_WILLNEED)}): the
 * kernel starts reading them from the disk and returns at once. A reader thread that opens a file not in the page
 * cache waits for its inode and its data, one file at a time; hints given well ahead of the readers keep many reads
 * in flight, so a store larger than memory is read at the disk's speed, not at one request per reader thread.
 *
 * <p>Best effort, never an error: a file that cannot be opened, or a kernel that declines, only loses the hint; the
 * read that follows reports what is wrong. The file is opened without following a symbolic link
 * ({@code O_NOFOLLOW}), without blocking on a FIFO ({@code O_NONBLOCK}) and without becoming a controlling terminal
 * ({@code O_NOCTTY}), and nothing is read from it here.
 */
public final class ReadAhead {
    private static final int FLAGS = Libc.O_RDONLY | Libc.O_NOFOLLOW | Libc.O_NONBLOCK | Libc.O_NOCTTY;
    private static volatile boolean available = true;

    private ReadAhead() {}

    /**
     * Hints that the first {@code bytes} of {@code file} will be read soon.
     *
     * @return true when the kernel took the hint
     */
    public static boolean hint(Path file, long bytes) {
        if (!available) {
            return false;
        }
        try {
            int fd = Libc.openOrErrno(file, FLAGS, 0);
            if (fd < 0) {
                return false;
            }
            try {
                return Libc.advise(fd, 0, bytes, Libc.POSIX_FADV_WILLNEED) == 0;
            } finally {
                Libc.close(fd);
            }
        } catch (LinkageError noCLibrary) {
            available = false; // jnr-ffi could not bind the C library: read without hints
            return false;
        }
    }
}
