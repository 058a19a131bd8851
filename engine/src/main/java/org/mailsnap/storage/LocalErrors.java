package org.mailsnap.storage;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Turns the JDK's terse file-system exceptions into messages an administrator can act on: each names the repository,
 * the object and the file, says what went wrong and, where there is one, what to do.
 */
final class LocalErrors {
    private final Path root;

    LocalErrors(Path root) {
        this.root = root;
    }

    /** The exception to throw for {@code cause}, raised while doing {@code action} ("write", "read"…) on an object. */
    IOException translate(IOException cause, String action, String objectName, Path file) {
        String object = root + ": cannot " + action + " object " + objectName;
        String reason = reasonOf(cause).toLowerCase(Locale.ROOT);
        if (reason.contains("no space left on device")) {
            return new StorageFullException(
                    object + ": the disk is full (writing " + file + "); free space on that file"
                            + " system or move the repository; nothing was published",
                    objectName,
                    cause);
        }
        if (reason.contains("disk quota exceeded")) {
            return new StorageFullException(
                    object + ": the disk quota of this user is exceeded (writing " + file
                            + "); raise the quota or free space; nothing was published",
                    objectName,
                    cause);
        }
        if (cause instanceof AccessDeniedException denied) {
            return new IOException(
                    object + ": permission denied on " + pathOf(denied, file)
                            + " (check the owner and mode of the repository directory and the user running mailsnap)",
                    cause);
        }
        if (reason.contains("read-only file system")) {
            return new IOException(object + ": the file system holding " + file + " is mounted read-only", cause);
        }
        if (reason.contains("not a directory")) {
            return new IOException(
                    object + ": a file stands where a directory is expected on the way to " + file + " ("
                            + pathOf(cause, file) + ")",
                    cause);
        }
        if (reason.contains("is a directory")) {
            return new IOException(object + ": " + file + " is a directory, not an object file", cause);
        }
        return new IOException(object + " (" + file + "): " + cause, cause);
    }

    /** The message a storage gives when a directory it must create is blocked by a file of the same name. */
    IOException fileInTheWay(IOException cause, String objectName, Path blocked) {
        return new IOException(
                root + ": cannot write object " + objectName + ": " + blocked
                        + " is a file where a directory is expected (a damaged repository or a stray file?)",
                cause);
    }

    private static String reasonOf(IOException e) {
        if (e instanceof FileSystemException fse && fse.getReason() != null) {
            return fse.getReason();
        }
        return String.valueOf(e.getMessage());
    }

    private static String pathOf(IOException e, Path fallback) {
        if (e instanceof FileSystemException fse && fse.getFile() != null) {
            return fse.getFile();
        }
        return fallback.toString();
    }
}
