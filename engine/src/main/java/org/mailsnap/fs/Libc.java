package org.mailsnap.fs;

import java.io.IOException;
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

/**
 * The two C library calls Java lacks for holding a directory: {@code open} returning the descriptor number and
 * {@code close}, through jnr-ffi (which lmdbjava already brings). Everything else goes through the JDK on
 * {@code /proc/self/fd/N/name} paths (see the package doc).
 */
final class Libc {
    /** The calls, with {@code errno} saved for {@code Runtime.getLastError()}. Paths are NUL-terminated bytes. */
    public interface Calls {
        @SaveError
        int open(@In byte[] path, int flags, int mode);

        @SaveError
        int close(int fd);

        String strerror(int errno);
    }

    static final int O_RDONLY = OpenFlags.O_RDONLY.intValue();
    static final int O_WRONLY = OpenFlags.O_WRONLY.intValue();
    static final int O_CREAT = OpenFlags.O_CREAT.intValue();
    static final int O_EXCL = OpenFlags.O_EXCL.intValue();
    static final int O_DIRECTORY = OpenFlags.O_DIRECTORY.intValue();
    static final int O_NOFOLLOW = OpenFlags.O_NOFOLLOW.intValue();
    /** Not in jnr-constants 0.10; the same value on every Linux architecture. */
    static final int O_CLOEXEC = 02000000;

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
        int fd = CALLS.open(bytes(path), flags | O_CLOEXEC, mode);
        if (fd < 0) {
            throw failure(RUNTIME.getLastError(), shown);
        }
        return fd;
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
