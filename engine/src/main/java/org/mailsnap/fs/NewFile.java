package org.mailsnap.fs;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * A regular file this process just created (exclusively, not through a link) and still holds open. Everything done
 * to it goes through its descriptor, which means this very inode: a name swapped in {@code tmp/} between creating
 * and changing the owner cannot redirect the change to another file.
 *
 * <p>Content, mtime, owner and {@code fsync} are calls on the descriptor itself ({@link #write},
 * {@link #setModified}, {@link #setOwner}, {@link #force}), which is how a restore fills every file: the JDK cannot
 * wrap a descriptor number in a channel, and reaching the file again through {@code /proc/self/fd/N} costs an open, a
 * close and a walk of that path per call. The rest (a channel for a file written piecemeal, attributes, the
 * {@code linkat} that names it) goes through {@link #self()}, {@code /proc/self/fd/N}, the kernel's link to the
 * same inode.
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

    /** Appends {@code bytes[offset, offset + length)}, all of them ({@code write(2)} until done). */
    public void write(byte[] bytes, int offset, int length) throws IOException {
        checkOpen();
        Libc.writeFully(fd, bytes, offset, length, shown);
    }

    /** Sets the modification time to {@code epochNanos} since the epoch ({@code futimens}); atime stays. */
    public void setModified(long epochNanos) throws IOException {
        checkOpen();
        Libc.setModified(fd, epochNanos, shown);
    }

    /** Gives the file to {@code uid} and {@code gid} ({@code fchown}). */
    public void setOwner(int uid, int gid) throws IOException {
        checkOpen();
        Libc.setOwner(fd, uid, gid, shown);
    }

    /** Waits until the file's content and attributes are on disk ({@code fsync}). */
    public void force() throws IOException {
        checkOpen();
        Libc.force(fd, shown);
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
