package org.mailsnap.fs;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * A regular file this process just created (exclusively, not through a link) and still holds open. Everything done
 * to it goes through {@link #self()}, {@code /proc/self/fd/N}, which names this very inode: a name swapped in
 * {@code tmp/} between creating and changing the owner cannot redirect the change to another file.
 */
public final class NewFile implements AutoCloseable {
    private final int fd;
    private final Path self;
    private final String shown;
    private final java.util.concurrent.atomic.AtomicBoolean closed = new java.util.concurrent.atomic.AtomicBoolean();

    NewFile(int fd, String shown) {
        this.fd = fd;
        this.self = Path.of("/proc/self/fd/" + fd);
        this.shown = shown;
    }

    /** {@code /proc/self/fd/N}: for {@code chown}, times and attributes of this file, following that one link. */
    public Path self() {
        checkOpen();
        return self;
    }

    /** A channel writing this file (a second descriptor on the same open file's inode); the caller closes it. */
    public FileChannel openForWriting() throws IOException {
        checkOpen();
        return FileChannel.open(self, StandardOpenOption.WRITE);
    }

    /**
     * Gives this file the name {@code name} in {@code dir} ({@code linkat} of {@code /proc/self/fd/N}), never
     * replacing a name that exists. For a file from {@link DirHandle#createUnnamedFile} this is the moment it
     * appears, complete; for a named file it is a second link.
     *
     * @throws java.nio.file.FileAlreadyExistsException when {@code dir} holds {@code name} already
     */
    public void linkAs(DirHandle dir, String name) throws IOException {
        checkOpen();
        Libc.linkFollowing(self, dir.entry(name), dir.shown(name));
    }

    private void checkOpen() {
        if (closed.get()) {
            throw new IllegalStateException("file " + shown + " used after close");
        }
    }

    public String shown() {
        return shown;
    }

    /** Closes the descriptor, once: a second close could close whatever file took its number meanwhile. */
    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            Libc.close(fd);
        }
    }
}
