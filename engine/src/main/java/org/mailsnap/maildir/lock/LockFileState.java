package org.mailsnap.maildir.lock;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFileAttributes;

/**
 * What Dovecot compares to decide whether a file changed: inode (file key), ctime, mtime and size.
 *
 * @param fileKey the inode and device
 * @param ctime   the status change time (the JDK's "creationTime" is not it, so it is read as {@code unix:ctime})
 * @param mtime   the modification time
 * @param size    the size in bytes
 */
record LockFileState(Object fileKey, FileTime ctime, FileTime mtime, long size) {

    /** The state of {@code file}, or null when it does not exist. */
    static LockFileState of(Path file) throws IOException {
        try {
            PosixFileAttributes attributes =
                    Files.readAttributes(file, PosixFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            FileTime ctime = (FileTime) Files.getAttribute(file, "unix:ctime", LinkOption.NOFOLLOW_LINKS);
            return new LockFileState(attributes.fileKey(), ctime, attributes.lastModifiedTime(), attributes.size());
        } catch (NoSuchFileException gone) {
            return null;
        }
    }

    /**
     * The content of {@code file}, or null when it does not exist; never through a link (a lock file planted as a
     * link reads as the link refused, not as the file it points to, which may be one only root can read).
     */
    static byte[] readNoFollow(Path file) throws IOException {
        try (var channel =
                Files.newByteChannel(file, java.nio.file.StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS)) {
            return java.nio.channels.Channels.newInputStream(channel).readNBytes(64 * 1024);
        } catch (NoSuchFileException gone) {
            return null;
        } catch (IOException link) { // ELOOP: the JDK gives no more specific type
            if (Files.isSymbolicLink(file)) {
                return "(a symbolic link, not followed)".getBytes(java.nio.charset.StandardCharsets.UTF_8);
            }
            throw link;
        }
    }
}
