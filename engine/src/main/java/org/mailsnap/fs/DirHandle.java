package org.mailsnap.fs;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.mailsnap.model.NameBytes;

/**
 * An open directory. Reached from its parent's handle with {@code O_NOFOLLOW}, so it is the directory that stood
 * under that name at that instant, never where a link pointed; renaming or replacing any path component afterwards
 * changes nothing for this handle. See the package doc for why this is race-free.
 *
 * <p>Names below it go through {@link #entry}, the one place where a name becomes a path; the JDK then resolves
 * {@code /proc/self/fd/N/name}: the held directory, then that one name.
 */
public final class DirHandle implements AutoCloseable {
    private static final int DIRECTORY = Libc.O_RDONLY | Libc.O_DIRECTORY;

    private final int fd;
    private final Path self;
    private final Path shown;
    private final AtomicBoolean closed = new AtomicBoolean();

    private DirHandle(int fd, Path shown) {
        this.fd = fd;
        this.self = Path.of("/proc/self/fd/" + fd);
        this.shown = shown;
    }

    /**
     * Opens {@code dir} as the caller named it, following links in it: the caller (an administrator's
     * {@code --target}) chose that path. Only what lies below it is reached without following links.
     */
    public static DirHandle open(Path dir) throws IOException {
        Path absolute = dir.toAbsolutePath();
        return new DirHandle(Libc.open(absolute, DIRECTORY, 0, absolute.toString()), absolute);
    }

    /** Opens {@code dir}, refusing it when its last component is a symbolic link (the rest is the caller's). */
    public static DirHandle openNoFollow(Path dir) throws IOException {
        Path absolute = dir.toAbsolutePath();
        return new DirHandle(openNoFollow(absolute, absolute.toString()), absolute);
    }

    /** A second handle on this same directory (not on whatever its name means now), closed separately. */
    public DirHandle duplicate() throws IOException {
        return new DirHandle(Libc.open(self(), DIRECTORY, 0, shown.toString()), shown);
    }

    /**
     * The subdirectory {@code name}.
     *
     * @throws SymlinkRefusedException           when it is a symbolic link
     * @throws java.nio.file.NoSuchFileException  when there is none
     * @throws java.nio.file.NotDirectoryException when it is another kind of file
     */
    public DirHandle child(String name) throws IOException {
        String shownChild = shown(name);
        return new DirHandle(openNoFollow(entry(name), shownChild), FileNames.child(shown, name));
    }

    private static int openNoFollow(Path path, String shown) throws IOException {
        try {
            return Libc.open(path, DIRECTORY | Libc.O_NOFOLLOW, 0, shown);
        } catch (java.nio.file.NotDirectoryException notDirectory) {
            // O_DIRECTORY|O_NOFOLLOW on a link fails with ENOTDIR: already refused, this only names the reason.
            if (Files.isSymbolicLink(path)) {
                throw new SymlinkRefusedException(shown);
            }
            throw notDirectory;
        }
    }

    /**
     * The subdirectory {@code name}, created first when absent ({@code mkdir(2)} never follows a link either).
     * {@code created} is told of a directory this call created, with its handle, before anyone else uses it.
     */
    public DirHandle childOrCreate(String name, Created created) throws IOException {
        boolean made;
        try {
            Files.createDirectory(entry(name));
            made = true;
        } catch (FileAlreadyExistsException exists) {
            made = false;
        }
        DirHandle child = child(name);
        if (made) {
            try {
                created.created(child);
            } catch (IOException | RuntimeException e) {
                child.close();
                throw e;
            }
        }
        return child;
    }

    /** Creates the regular file {@code name} with {@code O_CREAT|O_EXCL|O_NOFOLLOW}: never an existing file or link. */
    public NewFile createFile(String name, int mode) throws IOException {
        int flags = Libc.O_WRONLY | Libc.O_CREAT | Libc.O_EXCL | Libc.O_NOFOLLOW;
        String shownFile = shown(name);
        int file = Libc.open(entry(name), flags, mode, shownFile);
        return new NewFile(file, shownFile);
    }

    /**
     * A regular file without a name in this directory ({@code O_TMPFILE}): no other process can see or open it, and
     * it vanishes with its descriptor unless {@link NewFile#linkAs} names it. Creating it takes no lock of this
     * directory, so many threads create files in one directory side by side; only naming them is one at a time.
     * Empty when the file system has no unnamed files (the caller creates a named temporary file instead).
     */
    public Optional<NewFile> createUnnamedFile(int mode) throws IOException {
        checkOpen();
        int file = Libc.openOrErrno(self, Libc.O_WRONLY | Libc.O_TMPFILE, mode);
        if (file >= 0) {
            return Optional.of(new NewFile(file, shown + "/(unnamed)"));
        }
        if (Libc.unnamedFilesUnsupported(-file)) {
            return Optional.empty();
        }
        throw Libc.failure(-file, shown + " (creating an unnamed file)");
    }

    /**
     * The path of {@code name} in this directory, through this handle. Use it only with calls that do not follow a
     * link in their last component ({@code LinkOption.NOFOLLOW_LINKS}, {@code mkdir}, {@code link}, {@code rename},
     * {@code unlink}).
     */
    public Path entry(String name) {
        if (!NameBytes.isEntryName(name)) {
            throw new IllegalArgumentException("not one name in a directory: '" + name + "'");
        }
        checkOpen();
        return FileNames.child(self, name); // the name's own bytes, whatever the locale
    }

    /** {@code /proc/self/fd/N}: the directory itself, for {@code chown} and attributes. */
    public Path self() {
        checkOpen();
        return self;
    }

    /** After a close, {@code /proc/self/fd/N} may mean another file: using it then is a bug, caught here. */
    private void checkOpen() {
        if (closed.get()) {
            throw new IllegalStateException("directory " + shown + " used after close");
        }
    }

    /** Where the directory was when it was opened, for messages. */
    public Path shown() {
        return shown;
    }

    /** {@code name} under {@link #shown}, for messages. */
    public String shown(String name) {
        return FileNames.printable(shown) + "/" + org.mailsnap.model.NameBytes.printable(name);
    }

    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            Libc.close(fd);
        }
    }

    @Override
    public String toString() {
        return shown.toString();
    }

    /** Told of a directory {@link #childOrCreate} created. */
    @FunctionalInterface
    public interface Created {
        void created(DirHandle dir) throws IOException;
    }
}
