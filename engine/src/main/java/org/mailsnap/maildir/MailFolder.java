package org.mailsnap.maildir;

import java.nio.file.Path;
import java.util.Objects;
import org.mailsnap.fs.FileNames;
import org.mailsnap.model.FolderKey;

/**
 * One folder of a mailbox on disk.
 *
 * @param key the folder's name (mailbox and folder path relative to their parents)
 * @param dir  the directory holding {@code cur/ new/ tmp/} and the folder's control files
 * @param seen the mtimes of {@code new/} and {@code cur/} when the finder found the folder, or null when it did not
 *             look (the capture then stats them itself)
 */
public record MailFolder(FolderKey key, Path dir, FolderTimes seen) implements Comparable<MailFolder> {
    public MailFolder {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(dir, "dir");
    }

    public Path newDir() {
        return FileNames.child(dir, "new");
    }

    public Path curDir() {
        return FileNames.child(dir, "cur");
    }

    @Override
    public int compareTo(MailFolder o) {
        return key.compareTo(o.key);
    }
}
