package org.mailsnap.maildir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.concurrent.TimeUnit;
import org.mailsnap.fs.FileNames;

/**
 * The mtimes of a folder's {@code new/} and {@code cur/}, in nanoseconds since the epoch: what tells whether the
 * folder changed since a listing ({@link DirectoryTimes}).
 */
public record FolderTimes(long newNanos, long curNanos) {
    /**
     * The times of {@code dir}'s {@code new/} and {@code cur/} when both are real directories (not symbolic links),
     * else null: then {@code dir} is no folder. One {@code lstat} each.
     */
    static FolderTimes ifFolder(Path dir) {
        BasicFileAttributes cur = directory(FileNames.child(dir, "cur"));
        BasicFileAttributes newDir = cur == null ? null : directory(FileNames.child(dir, "new"));
        return newDir == null
                ? null
                : new FolderTimes(
                        newDir.lastModifiedTime().to(TimeUnit.NANOSECONDS),
                        cur.lastModifiedTime().to(TimeUnit.NANOSECONDS));
    }

    private static BasicFileAttributes directory(Path path) {
        try {
            BasicFileAttributes attributes =
                    Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            return attributes.isDirectory() ? attributes : null;
        } catch (IOException missingOrNotSearchable) {
            return null;
        }
    }

    /** True when both directories are unchanged since {@code previous}'s listing. */
    boolean unchangedSince(PreviousFolderState previous, long granularityNanos) {
        if (previous == null) {
            return false;
        }
        return DirectoryTimes.unchangedSince(
                        newNanos, previous.newDirMtimeNanos(), previous.listedAtNanos(), granularityNanos)
                && DirectoryTimes.unchangedSince(
                        curNanos, previous.curDirMtimeNanos(), previous.listedAtNanos(), granularityNanos);
    }
}
