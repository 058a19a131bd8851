package org.mailsnap.restore;

import java.io.IOException;
import java.nio.file.Path;
import org.mailsnap.maildir.FileNames;
import org.mailsnap.model.FolderKey;
import org.mailsnap.model.NameBytes;

/** Maps folders to directories under the target and refuses any path that would leave it. */
final class TargetPaths {
    private final Path target;
    private final boolean oneMailbox;

    TargetPaths(Path target, boolean oneMailbox) {
        this.target = target.toAbsolutePath().normalize();
        this.oneMailbox = oneMailbox;
    }

    Path root() {
        return target;
    }

    /** The mailbox root of {@code key} under the target. */
    Path mailboxRoot(FolderKey key) throws IOException {
        return inside(oneMailbox ? target : below(target, key.mailbox()));
    }

    Path folderDir(FolderKey key) throws IOException {
        Path root = mailboxRoot(key);
        return inside(below(root, key.folder()));
    }

    /** A file directly in {@code dir}, whose name was validated when it was decoded; checked again here. */
    Path file(Path dir, String name) throws IOException {
        try {
            return inside(FileNames.child(dir, name));
        } catch (IllegalArgumentException notOneEntry) {
            throw new IOException("refusing to write outside the restore target " + target + ": "
                    + notOneEntry.getMessage());
        }
    }

    /** The directory {@code relative} ({@code /}-separated names, the bytes of the snapshot) below {@code dir}. */
    private Path below(Path dir, String relative) throws IOException {
        try {
            return FileNames.relative(dir, relative);
        } catch (IllegalArgumentException notNames) {
            throw new IOException("refusing to write outside the restore target " + target + ": '"
                    + NameBytes.printable(relative) + "' " + notNames.getMessage());
        }
    }

    private Path inside(Path p) throws IOException {
        Path n = p.toAbsolutePath().normalize();
        if (!n.startsWith(target)) {
            throw new IOException("refusing to write outside the restore target " + target + ": " + n);
        }
        return n;
    }
}
