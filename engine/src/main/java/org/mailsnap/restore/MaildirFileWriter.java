package org.mailsnap.restore;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.mailsnap.model.BlobId;
import org.mailsnap.snapshot.BlobSource;

/**
 * Writes a file the way a Maildir delivery does: into {@code tmp/} under a unique name, fsync, mtime, then one
 * rename into place. A reader (Dovecot) never sees a partial message, and a crash leaves at most a file in
 * {@code tmp/}, which Dovecot cleans up.
 */
final class MaildirFileWriter {
    private static final AtomicLong SEQUENCE = new AtomicLong();

    private final BlobSource blobs;
    private final Ownership owner;
    /**
     * fsync every file before its rename: required when delivering into a live mailbox (a mail server must never
     * see a message that a crash can still lose); not for a new directory, where a crashed restore is simply run
     * again and per-file fsyncs would cost more than the restore itself.
     */
    private final boolean durable;

    MaildirFileWriter(BlobSource blobs, Ownership owner, boolean durable) {
        this.blobs = blobs;
        this.owner = owner;
        this.durable = durable;
    }

    /** Creates {@code dir} and its parents as needed, owned like the target. */
    void ensureDirectory(Path dir) throws IOException {
        if (Files.isDirectory(dir)) {
            return;
        }
        Path parent = dir.getParent();
        if (parent != null) {
            ensureDirectory(parent);
        }
        try {
            Files.createDirectory(dir);
            owner.apply(dir);
        } catch (FileAlreadyExistsException e) {
            if (!Files.isDirectory(dir)) {
                throw new IOException("cannot create directory " + dir + ": a file of that name exists");
            }
        }
    }

    /** Creates an empty file (a {@code maildirfolder} marker), owned like the target; refuses to replace one. */
    void createEmptyFile(Path file) throws IOException {
        Files.createFile(file);
        owner.apply(file);
    }

    /**
     * Writes the concatenation of {@code chunks} as {@code finalPath} via {@code tmpDir}; refuses to replace an
     * existing file. Returns the bytes written, which must equal {@code expectedSize}.
     */
    long write(Path tmpDir, Path finalPath, List<BlobId> chunks, long expectedSize, long mtimeNanos)
            throws IOException {
        Path tmp = tmpDir.resolve("mailsnap-restore." + ProcessHandle.current().pid() + "."
                + SEQUENCE.incrementAndGet());
        long written = 0;
        boolean moved = false;
        try {
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                for (BlobId id : chunks) {
                    ByteBuffer buf = ByteBuffer.wrap(blobs.get(id));
                    written += buf.remaining();
                    while (buf.hasRemaining()) {
                        ch.write(buf);
                    }
                }
                if (written != expectedSize) {
                    throw new IOException(finalPath.getFileName() + ": restored " + written + " bytes, the snapshot"
                            + " says " + expectedSize + " (damaged repository?)");
                }
                if (durable) {
                    ch.force(true);
                }
            }
            owner.apply(tmp);
            Files.setLastModifiedTime(tmp, FileTime.from(Instant.EPOCH.plusNanos(mtimeNanos)));
            if (Files.exists(finalPath, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                throw new FileAlreadyExistsException(finalPath.toString(), null, "already exists, not replaced");
            }
            Files.move(tmp, finalPath, StandardCopyOption.ATOMIC_MOVE);
            moved = true;
            return written;
        } finally {
            if (!moved) {
                // Only after a failure: once moved, the name is gone, and asking costs a stat and an exception.
                Files.deleteIfExists(tmp);
            }
        }
    }
}
