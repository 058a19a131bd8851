package org.mailsnap.storage;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiConsumer;

/**
 * Objects as files under a directory: object {@code data/3f/3f2a…} is the file {@code <root>/data/3f/3f2a…}.
 *
 * <p>A put writes a temporary file {@code .tmp-…} next to its target, fsyncs it, renames it over the target
 * atomically and fsyncs the directory; directories are created on demand and their parents fsynced. A crash at any
 * step leaves either the old object or the new one, plus at worst a temporary file that no listing shows and that
 * {@link #cleanupTemporaryFiles(Duration)} removes. Object names cannot start with a dot, so temporary files never
 * collide with objects. A {@link #spool} is the same temporary file, written piece by piece in the directory it is
 * spooled for (the hash that names a pack, and so its subdirectory, is known only at the end).
 *
 * <p>One limit that object stores do not have: a name cannot be both an object and a directory on the way to
 * another object ({@code a} and {@code a/b}). The repository layout never needs both.
 */
public final class LocalStorage implements Storage {
    static final String TEMP_PREFIX = ".tmp-";

    /**
     * The most bytes one read or write call passes to the kernel. The JDK moves a heap buffer through a temporary
     * native buffer as large as the call, and each thread keeps the largest it has needed: a 16 MiB pack written in
     * one call left 16 MiB of native memory behind in every thread that had published one, and the freed copies
     * fragmented glibc's arenas (benchmarks/results/2026-12-06-start-up). A slice costs a system call per 256 KiB.
     */
    static final int IO_SLICE = 256 * 1024;

    private final Path root;
    private final FileSync sync;
    private final Clock clock;
    private final LocalErrors errors;
    private final Set<Path> durableDirectories = ConcurrentHashMap.newKeySet();
    private final KeptReadFiles keptReadFiles = new KeptReadFiles();

    /** A storage in {@code root}, which is created with the first object if it does not exist yet. */
    public LocalStorage(Path root) {
        this(root, FileSync.FSYNC, Clock.systemUTC());
    }

    LocalStorage(Path root, FileSync sync, Clock clock) {
        this.root = root.toAbsolutePath().normalize();
        this.sync = Objects.requireNonNull(sync, "sync");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.errors = new LocalErrors(this.root);
    }

    /** The directory holding the objects. */
    public Path root() {
        return root;
    }

    @Override
    public void put(String name, byte[] data) throws IOException {
        put(name, data, data.length);
    }

    @Override
    public void put(String name, byte[] data, int length) throws IOException {
        Path target = fileOf(name);
        Path directory = target.getParent();
        ensureDirectory(directory, name);
        Path temp = createTempFile(directory, name);
        try {
            writeDurably(temp, data, length);
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            deleteQuietly(temp, e);
            throw errors.translate(e, "write", name, target);
        }
        makeDurable(name, directory);
    }

    /** Syncs the directory an object was renamed into. */
    private void makeDurable(String name, Path directory) throws IOException {
        try {
            sync.syncDirectory(directory);
        } catch (IOException e) {
            // The object is complete and visible, but may not survive a crash: the caller must not count on it.
            throw errors.translate(e, "make durable", name, directory);
        }
    }

    /**
     * A temporary file in {@code directory}, renamed into place when published: the same steps as a put, without the
     * object ever being in memory. The rename stays within the file system unless an administrator has linked one of
     * the directories below {@code directory} elsewhere; then the file is copied as a put.
     */
    @Override
    public SpooledObject spool(String directory) throws IOException {
        ObjectNames.checkPrefix(directory);
        Path spoolDirectory = directory.isEmpty() ? root : fileOf(directory.substring(0, directory.length() - 1));
        String what = directory + "(new object)";
        ensureDirectory(spoolDirectory, what);
        Path temp = createTempFile(spoolDirectory, what);
        return new FileSpool(temp, this::publishSpooled, e -> errors.translate(e, "write", what, temp));
    }

    private void publishSpooled(String name, FileChannel channel, Path temp, long size) throws IOException {
        Path target = fileOf(name);
        Path directory = target.getParent();
        try {
            sync.syncFile(channel, temp);
        } catch (IOException e) {
            throw errors.translate(e, "write", name, temp);
        }
        ensureDirectory(directory, name);
        try {
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            if (size > Integer.MAX_VALUE - 8) {
                throw errors.translate(e, "write", name, target);
            }
            put(name, readFully(channel, 0, (int) size, name, temp)); // another file system: copied, durably
            return;
        } catch (IOException e) {
            throw errors.translate(e, "write", name, target);
        }
        makeDurable(name, directory);
    }

    @Override
    public byte[] get(String name) throws IOException {
        Path file = fileOf(name);
        try (FileChannel channel = openForReading(name, file)) {
            long size = sizeOf(channel, name, file);
            if (size > Integer.MAX_VALUE - 8) {
                throw new IOException(root + ": object " + name + " has " + size + " bytes, more than mailsnap writes");
            }
            return readFully(channel, 0, (int) size, name, file);
        }
    }

    @Override
    public byte[] getRange(String name, long offset, int length) throws IOException {
        byte[] data = new byte[Math.max(0, length)];
        readRange(name, offset, length, data);
        return data;
    }

    @Override
    public void readRange(String name, long offset, int length, byte[] into) throws IOException {
        if (offset < 0 || length < 0 || length > into.length) {
            throw new IllegalArgumentException("bad range of " + name + ": offset " + offset + ", length " + length);
        }
        KeptReadFiles.Kept kept = keptReadFiles.of(name, this::openKept);
        if (offset + length > kept.size()) {
            throw new IOException(root + ": object " + name + " has " + kept.size() + " bytes, cannot read " + length
                    + " at offset " + offset + " (truncated object?)");
        }
        readFully(kept.channel(), offset, length, into, name, kept.file());
    }

    private KeptReadFiles.Kept openKept(String name) throws IOException {
        Path file = fileOf(name);
        FileChannel channel = openForReading(name, file);
        try {
            return new KeptReadFiles.Kept(name, file, channel, sizeOf(channel, name, file));
        } catch (IOException e) {
            channel.close();
            throw e;
        }
    }

    /** Closes the files kept open for range reads. */
    @Override
    public void close() throws IOException {
        keptReadFiles.close();
    }

    @Override
    public long size(String name) throws IOException {
        Path file = fileOf(name);
        BasicFileAttributes attributes;
        try {
            attributes = Files.readAttributes(file, BasicFileAttributes.class);
        } catch (IOException e) {
            throw readFailure(e, name, file);
        }
        if (!attributes.isRegularFile()) {
            throw new NoSuchObjectException(location(), name);
        }
        return attributes.size();
    }

    @Override
    public boolean exists(String name) {
        return Files.isRegularFile(fileOf(name));
    }

    @Override
    public List<ObjectInfo> list(String prefix) throws IOException {
        ObjectNames.checkPrefix(prefix);
        int slash = prefix.lastIndexOf('/');
        Path start = slash < 0 ? root : root.resolve(prefix.substring(0, slash));
        List<ObjectInfo> objects = new ArrayList<>();
        if (!Files.isDirectory(start)) {
            return objects;
        }
        try {
            // Links are followed: an administrator may have moved data/ to another disk and linked it.
            walk(start, EnumSet.of(FileVisitOption.FOLLOW_LINKS), (file, attributes) -> {
                String name = nameOf(file);
                if (attributes.isRegularFile() && name.startsWith(prefix) && ObjectNames.isObjectName(name)) {
                    objects.add(new ObjectInfo(name, attributes.size()));
                }
            });
        } catch (IOException e) {
            throw errors.translate(e, "list", prefix + "*", start);
        }
        return objects;
    }

    @Override
    public void delete(String name) throws IOException {
        Path file = fileOf(name);
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw errors.translate(e, "delete", name, file);
        }
    }

    @Override
    public String location() {
        return root.toString();
    }

    /**
     * Removes the temporary files of writers that died before publishing, if last modified more than
     * {@code olderThan} ago (younger ones may belong to a writer still running). Returns how many were removed.
     */
    public int cleanupTemporaryFiles(Duration olderThan) throws IOException {
        if (olderThan.isNegative()) {
            throw new IllegalArgumentException("negative age: " + olderThan);
        }
        if (!Files.isDirectory(root)) {
            return 0;
        }
        Instant cutoff = clock.instant().minus(olderThan);
        List<Path> stale = new ArrayList<>();
        try {
            walkTemporaryFiles((file, attributes) -> {
                if (attributes.lastModifiedTime().compareTo(FileTime.from(cutoff)) < 0) {
                    stale.add(file);
                }
            });
            int removed = 0;
            for (Path file : stale) {
                if (Files.deleteIfExists(file)) {
                    removed++;
                }
            }
            return removed;
        } catch (IOException e) {
            throw new IOException(root + ": cannot remove stale temporary files: " + e, e);
        }
    }

    /**
     * The temporary files of writers that died before publishing (or of writers still running), as paths relative
     * to the root: what {@code check} reports as leftovers.
     */
    public List<String> temporaryFiles() throws IOException {
        List<String> found = new ArrayList<>();
        if (!Files.isDirectory(root)) {
            return found;
        }
        walkTemporaryFiles((file, attributes) -> found.add(nameOf(file)));
        return found;
    }

    /** Visits every temporary file below the root. */
    private void walkTemporaryFiles(BiConsumer<Path, BasicFileAttributes> visit) throws IOException {
        walk(root, EnumSet.noneOf(FileVisitOption.class), (file, attributes) -> {
            if (file.getFileName().toString().startsWith(TEMP_PREFIX)) {
                visit.accept(file, attributes);
            }
        });
    }

    /** Visits every file below {@code start}; a file that goes away during the walk is passed over. */
    private static void walk(Path start, Set<FileVisitOption> options, BiConsumer<Path, BasicFileAttributes> visit)
            throws IOException {
        Files.walkFileTree(start, options, Integer.MAX_VALUE, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
                visit.accept(file, attributes);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) throws IOException {
                if (e instanceof NoSuchFileException) {
                    return FileVisitResult.CONTINUE; // deleted while we walked: not part of the listing
                }
                throw e;
            }
        });
    }

    private Path fileOf(String name) {
        return root.resolve(ObjectNames.check(name));
    }

    private String nameOf(Path file) {
        return root.relativize(file).toString().replace(file.getFileSystem().getSeparator(), "/");
    }

    /**
     * Makes sure {@code directory} and its parents up to the root exist and their entries are durable: each is
     * created if missing and its parent fsynced, once per directory and process. A directory found already there
     * is synced too, since its creator may not have synced it yet. The root's parent is only synced if the root
     * is created here: it is not ours, and may not even be readable.
     */
    private void ensureDirectory(Path directory, String name) throws IOException {
        if (durableDirectories.contains(directory)) {
            return;
        }
        boolean isRoot = directory.equals(root);
        if (!isRoot) {
            ensureDirectory(directory.getParent(), name);
        }
        boolean created = createIfMissing(directory, name);
        if (created || !isRoot) {
            try {
                sync.syncDirectory(directory.getParent());
            } catch (IOException e) {
                throw errors.translate(e, "write", name, directory.getParent());
            }
        }
        durableDirectories.add(directory);
    }

    /** Creates {@code directory} unless it exists; true if this call created it. */
    private boolean createIfMissing(Path directory, String name) throws IOException {
        if (Files.isDirectory(directory)) {
            return false;
        }
        try {
            Files.createDirectory(directory);
            return true;
        } catch (FileAlreadyExistsException e) {
            if (!Files.isDirectory(directory)) {
                throw errors.fileInTheWay(e, name, directory);
            }
            return false; // another writer was quicker
        } catch (NoSuchFileException e) {
            throw new IOException(
                    root + ": cannot write object " + name + ": " + directory.getParent()
                            + " does not exist (is the backup disk mounted?)",
                    e);
        } catch (IOException e) {
            throw errors.translate(e, "write", name, directory);
        }
    }

    private Path createTempFile(Path directory, String name) throws IOException {
        try {
            return Files.createTempFile(directory, TEMP_PREFIX, null);
        } catch (IOException e) {
            throw errors.translate(e, "write", name, directory);
        }
    }

    private void writeDurably(Path temp, byte[] data, int length) throws IOException {
        try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
            writeInSlices(channel, data, 0, length);
            sync.syncFile(channel, temp);
        }
    }

    /** Writes {@code length} bytes of {@code data} from {@code offset} at the channel's position, an {@link #IO_SLICE} a call. */
    static void writeInSlices(FileChannel channel, byte[] data, int offset, int length) throws IOException {
        int written = 0;
        while (written < length) {
            written += channel.write(ByteBuffer.wrap(data, offset + written, Math.min(IO_SLICE, length - written)));
        }
    }

    private FileChannel openForReading(String name, Path file) throws IOException {
        try {
            return FileChannel.open(file, StandardOpenOption.READ);
        } catch (IOException e) {
            throw readFailure(e, name, file);
        }
    }

    private long sizeOf(FileChannel channel, String name, Path file) throws IOException {
        try {
            return channel.size();
        } catch (IOException e) {
            throw readFailure(e, name, file);
        }
    }

    private byte[] readFully(FileChannel channel, long offset, int length, String name, Path file) throws IOException {
        byte[] data = new byte[length];
        readFully(channel, offset, length, data, name, file);
        return data;
    }

    private void readFully(FileChannel channel, long offset, int length, byte[] data, String name, Path file)
            throws IOException {
        int filled = 0;
        try {
            while (filled < length) {
                int read = channel.read(
                        ByteBuffer.wrap(data, filled, Math.min(IO_SLICE, length - filled)), offset + filled);
                if (read < 0) {
                    break;
                }
                filled += read;
            }
        } catch (IOException e) {
            throw readFailure(e, name, file);
        }
        if (filled < length) {
            throw new IOException(
                    root + ": object " + name + " shrank to " + (offset + filled) + " bytes while being read");
        }
    }

    /** A file that is absent, a directory, or behind a file where a directory should be: no such object. */
    private IOException readFailure(IOException e, String name, Path file) {
        if (e instanceof NoSuchFileException || Files.isDirectory(file) || !Files.exists(file)) {
            return new NoSuchObjectException(location(), name);
        }
        return errors.translate(e, "read", name, file);
    }

    private static void deleteQuietly(Path temp, IOException failure) {
        try {
            Files.deleteIfExists(temp);
        } catch (IOException e) {
            failure.addSuppressed(e);
        }
    }
}
