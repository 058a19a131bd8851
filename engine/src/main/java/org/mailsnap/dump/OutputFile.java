package org.mailsnap.dump;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.concurrent.atomic.AtomicLong;
import org.mailsnap.fs.DirHandle;
import org.mailsnap.fs.FileNames;
import org.mailsnap.fs.NewFile;
import org.mailsnap.fs.SymlinkRefusedException;

/**
 * Where {@code dump --output FILE} writes: a file that appears whole or not at all.
 *
 * <ol>
 *   <li>The directory FILE names is opened as given (the operator's path); FILE's own name is never followed: a
 *       symbolic link there is refused, so a link planted by whoever owns that directory cannot redirect the
 *       dump.</li>
 *   <li>The dump goes to a new temporary file beside it ({@code .FILE.mailsnap-PID-N}, created
 *       {@code O_EXCL|O_NOFOLLOW}, mode 0600: it holds mail), is fsynced, and {@link #commit} renames it to FILE
 *       in that same held directory (replacing an older file, as an output file is expected to).</li>
 *   <li>{@link #close} without {@link #commit}, after any failure, removes the temporary file: no partial dump is
 *       ever left under any name.</li>
 * </ol>
 * A FIFO or device at FILE (not a link), such as {@code /dev/null}, is written directly: there is no file to
 * leave half-written.
 */
public final class OutputFile implements AutoCloseable {
    private static final AtomicLong SEQUENCE = new AtomicLong();

    private final DirHandle dir;
    private final String name;
    private final String tmpName;
    private final FileChannel channel;
    private final OutputStream stream;
    private boolean committed;

    private OutputFile(DirHandle dir, String name, String tmpName, FileChannel channel) {
        this.dir = dir;
        this.name = name;
        this.tmpName = tmpName;
        this.channel = channel;
        this.stream = new BufferedOutputStream(Channels.newOutputStream(channel), 1 << 16);
    }

    public static OutputFile create(Path file) throws IOException {
        Path absolute = file.toAbsolutePath().normalize();
        if (absolute.getFileName() == null) {
            throw new IOException("--output " + file + " names no file");
        }
        String name = FileNames.nameOf(absolute);
        DirHandle dir = DirHandle.open(absolute.getParent());
        try {
            BasicFileAttributes existing = attributes(dir.entry(name));
            if (existing != null && existing.isSymbolicLink()) {
                throw new SymlinkRefusedException(absolute.toString());
            }
            if (existing != null && existing.isOther()) {
                FileChannel direct =
                        FileChannel.open(dir.entry(name), StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS);
                return new OutputFile(dir, name, null, direct);
            }
            String tmpName =
                    "." + name + ".mailsnap-" + ProcessHandle.current().pid() + "-" + SEQUENCE.incrementAndGet();
            try (NewFile tmp = dir.createFile(tmpName, 0600)) {
                return new OutputFile(dir, name, tmpName, tmp.openForWriting());
            }
        } catch (IOException | RuntimeException e) {
            dir.close();
            throw e;
        }
    }

    /** The stream to write the dump to; buffered; {@link #commit} flushes it. */
    public OutputStream stream() {
        return stream;
    }

    /** Flushes, fsyncs and publishes the file under its name. */
    public void commit() throws IOException {
        stream.flush();
        if (tmpName != null) {
            channel.force(true);
        }
        channel.close();
        if (tmpName != null) {
            Files.move(dir.entry(tmpName), dir.entry(name), StandardCopyOption.ATOMIC_MOVE);
        }
        committed = true;
    }

    /** Closes; without a {@link #commit}, removes the temporary file. */
    @Override
    public void close() throws IOException {
        try {
            channel.close();
            if (!committed && tmpName != null) {
                Files.deleteIfExists(dir.entry(tmpName));
            }
        } finally {
            dir.close();
        }
    }

    private static BasicFileAttributes attributes(Path path) throws IOException {
        try {
            return Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (java.nio.file.NoSuchFileException absent) {
            return null;
        }
    }
}
