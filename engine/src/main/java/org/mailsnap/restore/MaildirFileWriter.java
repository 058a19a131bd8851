package org.mailsnap.restore;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.mailsnap.fs.DirHandle;
import org.mailsnap.fs.NewFile;
import org.mailsnap.model.BlobId;
import org.mailsnap.model.BlobReceiver;
import org.mailsnap.snapshot.BlobSource;

/**
 * Writes a file so that it appears only complete, as a Maildir delivery does: created without a name in its
 * destination directory ({@code O_TMPFILE}), written, fsynced when durable, given owner and mtime, then linked under
 * its final name in one step. A reader (Dovecot) never sees a partial message, a crash leaves nothing behind, and a
 * file under its final name is complete, which is what {@code --resume} relies on. Where the file system has no
 * unnamed files, the file is written in {@code tmp/} under a unique name instead, linked, and its temporary name
 * unlinked (a crash then leaves at most a file in {@code tmp/}, which Dovecot cleans up).
 *
 * <p>Why unnamed files: creating a named file holds its directory's lock while the file system allocates the inode,
 * the slow part of a restore on ext4, so writer threads in one folder wait for each other (and spin while waiting);
 * an unnamed file takes no directory lock, and naming it is a short one.
 *
 * <p>Every directory is a {@link DirHandle} and every file is changed through its own descriptor (see
 * {@link org.mailsnap.fs}): nothing here follows a link. Publishing is {@code linkat(2)}, which, unlike
 * {@code rename(2)}, never replaces a name that exists.
 */
final class MaildirFileWriter {
    /** Files as the JDK creates them: {@code 0666} less the umask. */
    private static final int FILE_MODE = 0666;

    private static final AtomicLong SEQUENCE = new AtomicLong();
    private static final int MAX_TMP_ATTEMPTS = 100;

    private final BlobSource blobs;
    private final Ownership owner;
    /**
     * fsync every file before it is published: required when delivering into a live mailbox (a mail server must never
     * see a message that a crash can still lose); not for a new directory, where a crashed restore is resumed and
     * per-file fsyncs would cost more than the restore itself.
     */
    private final boolean durable;

    /** Until a file system says it has none: files are created unnamed and appear, complete, under their name. */
    private volatile boolean unnamedFiles;

    /** Names for files in {@code tmp/}; a name that exists (a leftover, or planted) is passed over. */
    private final Supplier<String> tmpNames;

    MaildirFileWriter(BlobSource blobs, Ownership owner, boolean durable) {
        this(
                blobs,
                owner,
                durable,
                true,
                () -> "mailsnap-restore." + ProcessHandle.current().pid() + "." + SEQUENCE.incrementAndGet());
    }

    /** @param unnamedFiles false to write every file via {@code tmp/}, as on a file system without unnamed files */
    MaildirFileWriter(
            BlobSource blobs, Ownership owner, boolean durable, boolean unnamedFiles, Supplier<String> tmpNames) {
        this.blobs = blobs;
        this.owner = owner;
        this.durable = durable;
        this.unnamedFiles = unnamedFiles;
        this.tmpNames = tmpNames;
    }

    /**
     * The subdirectory {@code name} of {@code parent}, created (owned like the target) when absent, running
     * {@code whenCreated} when this call created it.
     */
    DirHandle directory(DirHandle parent, String name, Runnable whenCreated) throws IOException {
        return parent.childOrCreate(name, created -> {
            owner.applyTo(created.self());
            whenCreated.run();
        });
    }

    /** Creates an empty file (a {@code maildirfolder} marker), owned like the target; refuses to replace one. */
    void createEmptyFile(DirHandle dir, String name) throws IOException {
        try (NewFile file = dir.createFile(name, FILE_MODE)) {
            owner.applyTo(file);
        }
    }

    /**
     * True when {@code dir} already holds {@code name} as a regular file of {@code size} bytes: a file an earlier,
     * interrupted restore completed. Fails when something else holds the name.
     */
    boolean complete(DirHandle dir, String name, long size) throws IOException {
        BasicFileAttributes attributes;
        try {
            attributes = Files.readAttributes(dir.entry(name), BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (NoSuchFileException absent) {
            return false;
        }
        if (attributes.isRegularFile() && attributes.size() == size) {
            return true;
        }
        throw new FileAlreadyExistsException(
                dir.shown(name),
                null,
                attributes.isRegularFile()
                        ? "exists with " + attributes.size() + " bytes, the snapshot has " + size + "; not replaced"
                        : "exists and is not a regular file; not replaced");
    }

    /**
     * Writes the concatenation of {@code chunks} as {@code name} in {@code dest}, unnamed until complete (or, where
     * the file system has no unnamed files, via {@code tmp}); refuses to replace an existing name. Returns the bytes
     * written.
     *
     * @throws ContentUnavailableException when a blob cannot be read or the blobs do not add up to
     *                                     {@code expectedSize}; nothing is left behind then
     */
    long write(DirHandle tmp, DirHandle dest, String name, List<BlobId> chunks, long expectedSize, long mtimeNanos)
            throws IOException {
        Optional<NewFile> unnamed = unnamedFiles ? dest.createUnnamedFile(FILE_MODE) : Optional.empty();
        if (unnamed.isPresent()) {
            try (NewFile file = unnamed.get()) {
                long written = fill(file, dest.shown(name), chunks, expectedSize, mtimeNanos);
                publish(file, dest, name);
                return written; // not published: the unnamed file goes with its descriptor
            }
        }
        unnamedFiles = false;
        return writeViaTmp(tmp, dest, name, chunks, expectedSize, mtimeNanos);
    }

    @SuppressWarnings("Finally") // throws from finally only after publishing, when nothing else is in flight
    private long writeViaTmp(
            DirHandle tmp, DirHandle dest, String name, List<BlobId> chunks, long expectedSize, long mtimeNanos)
            throws IOException {
        Temporary temporary = createTemporary(tmp);
        String tmpName = temporary.name();
        boolean published = false;
        try (NewFile file = temporary.file()) {
            long written = fill(file, dest.shown(name), chunks, expectedSize, mtimeNanos);
            publish(file, dest, name);
            published = true;
            return written;
        } finally {
            // Published: the temporary name is a second link to go. Not: the partial file goes. unlink never follows.
            try {
                Files.deleteIfExists(tmp.entry(tmpName));
            } catch (IOException cleanup) {
                if (published) {
                    throw cleanup;
                }
            }
        }
    }

    /** Content, then (fsync when durable) owner and mtime, all through the file's own descriptor. */
    private long fill(NewFile file, String shown, List<BlobId> chunks, long expectedSize, long mtimeNanos)
            throws IOException {
        long written = 0;
        for (BlobId id : chunks) {
            written += copy(id, file, shown);
        }
        if (written != expectedSize) {
            throw new ContentUnavailableException(
                    "its blobs hold " + written + " bytes, the snapshot says " + expectedSize
                            + " (damaged repository?)",
                    null);
        }
        if (durable) {
            file.force();
        }
        owner.applyTo(file);
        file.setModified(mtimeNanos);
        return written;
    }

    private static void publish(NewFile file, DirHandle dest, String name) throws IOException {
        try {
            file.linkAs(dest, name);
        } catch (FileAlreadyExistsException exists) {
            throw new FileAlreadyExistsException(dest.shown(name), null, "already exists, not replaced");
        }
    }

    private record Temporary(String name, NewFile file) {}

    private Temporary createTemporary(DirHandle tmp) throws IOException {
        for (int attempt = 1; ; attempt++) {
            String name = tmpNames.get();
            try {
                return new Temporary(name, tmp.createFile(name, FILE_MODE));
            } catch (FileAlreadyExistsException taken) {
                if (attempt == MAX_TMP_ATTEMPTS) {
                    throw new FileAlreadyExistsException(
                            tmp.shown(name),
                            null,
                            MAX_TMP_ATTEMPTS + " temporary names in a row exist already; not restored");
                }
            }
        }
    }

    /**
     * Writes blob {@code id} to {@code ch}, the file to be {@code shown}, as the repository lends it (see
     * {@link BlobReceiver}); returns its length. A failure to read is the repository's
     * ({@link ContentUnavailableException}), a failure to write the target's, named with the file (a full disk is not
     * a damaged repository).
     */
    private int copy(BlobId id, NewFile file, String shown) throws IOException {
        try {
            return blobs.read(id, (bytes, offset, length) -> {
                try {
                    file.write(bytes, offset, length);
                } catch (IOException e) {
                    throw new TargetWriteFailed(e);
                }
            });
        } catch (TargetWriteFailed failed) {
            FileSystemException named = new FileSystemException(shown, null, failed.getMessage());
            named.initCause(failed.getCause());
            throw named;
        } catch (InterruptedIOException interrupted) {
            throw interrupted;
        } catch (org.mailsnap.catalog.CatalogException | org.mailsnap.catalog.CatalogCorruptException localDamage) {
            throw localDamage; // the local catalog, not the repository: every lookup is suspect, so stop
        } catch (IOException | RuntimeException unreadable) {
            throw new ContentUnavailableException(String.valueOf(unreadable.getMessage()), unreadable);
        }
    }

    /** Carries a write's failure out of the repository's read, told apart from the read's own. */
    private static final class TargetWriteFailed extends IOException {
        TargetWriteFailed(IOException target) {
            super(target instanceof FileSystemException named ? named.getReason() : target.getMessage(), target);
        }
    }
}
