package org.mailsnap.fs;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.util.Arrays;
import jnr.constants.platform.Errno;
import jnr.constants.platform.OpenFlags;
import jnr.ffi.LibraryLoader;
import jnr.ffi.Runtime;
import jnr.ffi.annotations.In;
import jnr.ffi.annotations.SaveError;
import jnr.ffi.types.size_t;
import jnr.ffi.types.ssize_t;

/**
 * The C library calls Java lacks: {@code open} returning the descriptor number (also for {@code O_TMPFILE}),
 * {@code close}, {@code linkat} with {@code AT_SYMLINK_FOLLOW} (to give an unnamed file its name),
 * {@code posix_fadvise} (to ask for a file's pages before it is read), and the calls on a {@link NewFile}'s own
 * descriptor ({@code write}, {@code futimens}, {@code fchown}, {@code fsync}), through jnr-ffi (which lmdbjava
 * already brings). Everything else goes through the JDK on {@code /proc/self/fd/N/name} paths (see the package doc).
 */
final class Libc {
    /** The calls, with {@code errno} saved for {@code Runtime.getLastError()}. Paths are NUL-terminated bytes. */
    public interface Calls {
        @SaveError
        int open(@In byte[] path, int flags, int mode);

        @SaveError
        int close(int fd);

        @SaveError
        int linkat(int oldDirFd, @In byte[] oldPath, int newDirFd, @In byte[] newPath, int flags);

        /** {@code buf}'s bytes from its position on (jnr-ffi copies a heap buffer's to native memory for the call). */
        @SaveError
        @ssize_t
        long write(int fd, @In ByteBuffer buf, @size_t long count);

        @SaveError
        int futimens(int fd, @In long[] times);

        @SaveError
        int fchown(int fd, int uid, int gid);

        @SaveError
        int fsync(int fd);

        /** Returns the error number itself (0 on success), not -1 and {@code errno}. */
        int posix_fadvise(int fd, long offset, long length, int advice);

        String strerror(int errno);
    }

    static final int O_RDONLY = OpenFlags.O_RDONLY.intValue();
    static final int O_WRONLY = OpenFlags.O_WRONLY.intValue();
    static final int O_CREAT = OpenFlags.O_CREAT.intValue();
    static final int O_EXCL = OpenFlags.O_EXCL.intValue();
    static final int O_DIRECTORY = OpenFlags.O_DIRECTORY.intValue();
    static final int O_NOFOLLOW = OpenFlags.O_NOFOLLOW.intValue();
    static final int O_NONBLOCK = OpenFlags.O_NONBLOCK.intValue();
    static final int O_NOCTTY = OpenFlags.O_NOCTTY.intValue();
    /** {@code <fcntl.h>}: the pages will be read soon; the kernel starts reading them and returns. */
    static final int POSIX_FADV_WILLNEED = 3;
    /** Not in jnr-constants 0.10; the same value on every Linux architecture. */
    static final int O_CLOEXEC = 02000000;
    /** {@code __O_TMPFILE | O_DIRECTORY}, as {@code <fcntl.h>} defines it for x86-64 and the generic ABI (arm64). */
    static final int O_TMPFILE = 020000000 | O_DIRECTORY;

    /** {@code <sys/stat.h>}: a {@code timespec} whose time {@code utimensat}/{@code futimens} leaves as it is. */
    private static final long UTIME_OMIT = (1L << 30) - 2;

    private static final long NANOS_PER_SECOND = 1_000_000_000L;

    private static final int AT_FDCWD = -100;
    private static final int AT_SYMLINK_FOLLOW = 0x400;

    private static final Calls CALLS = LibraryLoader.create(Calls.class).load("c");
    private static final Runtime RUNTIME = Runtime.getRuntime(CALLS);

    private Libc() {}

    /**
     * The bytes the kernel gets for {@code path}, NUL-terminated: the path's own bytes ({@link FileNames}), so a
     * name reaches the same file here as through {@code java.nio.file}, whatever the locale, also when it is not
     * UTF-8. The one place where a name becomes bytes for the C library.
     */
    static byte[] bytes(Path path) {
        byte[] raw = FileNames.bytes(path);
        return Arrays.copyOf(raw, raw.length + 1);
    }

    /** {@code open(2)}; throws the JDK's exception for the failure, naming {@code shown}. */
    static int open(Path path, int flags, int mode, String shown) throws IOException {
        int fd = openOrErrno(path, flags, mode);
        if (fd < 0) {
            throw failure(-fd, shown);
        }
        return fd;
    }

    /**
     * {@code linkat(AT_FDCWD, from, AT_FDCWD, to, AT_SYMLINK_FOLLOW)}: {@code from} is a {@code /proc/self/fd/N}
     * link to an open file, which is followed; {@code to} never replaces anything ({@code EEXIST}).
     */
    static void linkFollowing(Path from, Path to, String shown) throws IOException {
        if (CALLS.linkat(AT_FDCWD, bytes(from), AT_FDCWD, bytes(to), AT_SYMLINK_FOLLOW) != 0) {
            throw failure(RUNTIME.getLastError(), shown);
        }
    }

    /**
     * True for the errors of an {@code O_TMPFILE} open on a file system (or kernel) that has no unnamed files:
     * {@code EOPNOTSUPP}, and {@code EISDIR} from kernels that read the flag as {@code O_DIRECTORY} alone.
     */
    static boolean unnamedFilesUnsupported(int errno) {
        Errno e = Errno.valueOf(errno);
        return e == Errno.EOPNOTSUPP || e == Errno.EISDIR;
    }

    /** {@code open(2)} returning the descriptor, or {@code -errno} (for callers that handle some errors). */
    static int openOrErrno(Path path, int flags, int mode) {
        int fd = CALLS.open(bytes(path), flags | O_CLOEXEC, mode);
        return fd >= 0 ? fd : -RUNTIME.getLastError();
    }

    /** {@code posix_fadvise(2)}: the error number, 0 when the advice was taken. */
    static int advise(int fd, long offset, long length, int advice) {
        return CALLS.posix_fadvise(fd, offset, length, advice);
    }

    /** {@code write(2)} until {@code length} bytes are written (a write may take fewer); retried on {@code EINTR}. */
    static void writeFully(int fd, byte[] bytes, int offset, int length, String shown) throws IOException {
        ByteBuffer remaining = ByteBuffer.wrap(bytes, offset, length);
        while (remaining.hasRemaining()) {
            long written = CALLS.write(fd, remaining, remaining.remaining());
            if (written > 0) {
                remaining.position(remaining.position() + (int) written);
            } else if (written == 0) { // not for a regular file and a count above zero; never loop on it
                throw new FileSystemException(shown, null, "write(2) wrote nothing");
            } else {
                int errno = RUNTIME.getLastError();
                if (Errno.valueOf(errno) != Errno.EINTR) {
                    throw failure(errno, shown);
                }
            }
        }
    }

    /** {@code futimens(2)}: the modification time to {@code epochNanos}, the access time left as it is. */
    static void setModified(int fd, long epochNanos, String shown) throws IOException {
        long[] times = {
            0, UTIME_OMIT, Math.floorDiv(epochNanos, NANOS_PER_SECOND), Math.floorMod(epochNanos, NANOS_PER_SECOND)
        };
        if (CALLS.futimens(fd, times) != 0) {
            throw failure(RUNTIME.getLastError(), shown);
        }
    }

    /** {@code fchown(2)}. */
    static void setOwner(int fd, int uid, int gid, String shown) throws IOException {
        if (CALLS.fchown(fd, uid, gid) != 0) {
            throw failure(RUNTIME.getLastError(), shown);
        }
    }

    /** {@code fsync(2)}. */
    static void force(int fd, String shown) throws IOException {
        if (CALLS.fsync(fd) != 0) {
            throw failure(RUNTIME.getLastError(), shown);
        }
    }

    static void close(int fd) {
        CALLS.close(fd); // nothing to do when it fails: the descriptor is gone either way (close(2))
    }

    static IOException failure(int errno, String shown) {
        Errno e = Errno.valueOf(errno);
        String reason = CALLS.strerror(errno);
        if (e == Errno.ELOOP) {
            return new SymlinkRefusedException(shown);
        }
        if (e == Errno.EEXIST) {
            return new FileAlreadyExistsException(shown);
        }
        if (e == Errno.ENOENT) {
            return new NoSuchFileException(shown);
        }
        if (e == Errno.ENOTDIR) {
            return new NotDirectoryException(shown);
        }
        if (e == Errno.EACCES || e == Errno.EPERM) {
            return new AccessDeniedException(shown, null, reason);
        }
        return new FileSystemException(shown, null, reason);
    }
}
