package org.mailsnap.cli;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import org.mailsnap.catalog.Catalog;

/**
 * One writing run per catalog: a command that writes the catalog for a long time (backup, catalog rebuild) holds an
 * OS file lock ({@code fcntl}, through {@link FileChannel#tryLock}) on {@link Catalog#RUN_LOCK_FILE} in the catalog
 * directory for its whole run. A second run finds it taken and exits at once with {@link ExitCode#BUSY}, so an
 * hourly timer whose previous run is still busy does not pile runs up. The kernel releases the lock when the process
 * ends, however it ends: there is no stale lock to clean up, and the file is never deleted (deleting a locked file
 * would let the next run lock a new one beside a live holder). Its content (pid, host, start) is only for the
 * message.
 *
 * <p>The catalog is per repository, so this serialises the writers of one repository on one machine; other hosts
 * writing the same repository have their own catalogs and are ordered by the repository's locks.
 */
final class RunLock implements AutoCloseable {
    private final FileChannel channel;
    private final FileLock lock;

    private RunLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /** Takes the run lock of the catalog in {@code catalogDirectory}, or fails with {@link ExitCode#BUSY}. */
    static RunLock acquire(Path catalogDirectory, String command) throws IOException {
        return acquire(catalogDirectory, command, "not starting a second one");
    }

    /**
     * Takes the run lock of the catalog in {@code catalogDirectory}, or fails with {@link ExitCode#BUSY}.
     *
     * @param command what the holder is, for another run's message
     * @param whenBusy what the message says after naming the holder
     */
    static RunLock acquire(Path catalogDirectory, String command, String whenBusy) throws IOException {
        if (!Files.isDirectory(catalogDirectory)) {
            // owner-only from the start, as the catalog makes it: it will hold private metadata
            Files.createDirectories(catalogDirectory.toAbsolutePath().getParent());
            try {
                Files.createDirectory(
                        catalogDirectory,
                        java.nio.file.attribute.PosixFilePermissions.asFileAttribute(
                                java.nio.file.attribute.PosixFilePermissions.fromString("rwx------")));
            } catch (java.nio.file.FileAlreadyExistsException raced) {
                // made meanwhile (the catalog checks and tightens it)
            }
        }
        Path file = catalogDirectory.resolve(Catalog.RUN_LOCK_FILE);
        FileChannel channel = FileChannel.open(
                file,
                java.util.Set.of(StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE),
                java.nio.file.attribute.PosixFilePermissions.asFileAttribute(
                        java.nio.file.attribute.PosixFilePermissions.fromString("rw-------")));
        FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (OverlappingFileLockException e) {
            lock = null; // this JVM holds it already (in-process tests, or a command that nests runs)
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
        if (lock == null) {
            String holder = holder(channel);
            channel.close();
            throw new UserError(
                    ExitCode.BUSY,
                    "another mailsnap run" + (holder.isEmpty() ? "" : " (" + holder + ")") + " is using the catalog "
                            + catalogDirectory + "; " + whenBusy);
        }
        try {
            channel.truncate(0);
            channel.write(
                    ByteBuffer.wrap(
                            (command + ", pid " + ProcessHandle.current().pid() + " on " + BackupCommand.hostname()
                                            + ", since " + Instant.now() + "\n")
                                    .getBytes(StandardCharsets.UTF_8)),
                    0);
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
        return new RunLock(channel, lock);
    }

    private static String holder(FileChannel channel) {
        try {
            ByteBuffer buffer = ByteBuffer.allocate(512);
            channel.read(buffer, 0);
            return new String(buffer.array(), 0, buffer.position(), StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            return "";
        }
    }

    @Override
    public void close() throws IOException {
        try {
            lock.release();
        } finally {
            channel.close();
        }
    }
}
