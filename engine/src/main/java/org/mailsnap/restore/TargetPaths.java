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
    /** With a restore as a folder: where the snapshot's folders go under the mailbox root; null otherwise. */
    private final RestoreFolder asFolder;

    TargetPaths(Path target, boolean oneMailbox) {
        this(target, oneMailbox, null);
    }

    TargetPaths(Path target, boolean oneMailbox, RestoreFolder asFolder) {
        this.target = target.toAbsolutePath().normalize();
        this.oneMailbox = oneMailbox;
        this.asFolder = asFolder;
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
        if (asFolder != null) {
            if (!key.folder().isEmpty() && !key.folder().startsWith(".")) {
                throw new IOException("cannot restore " + key + " as a folder: only Maildir++ folders (.Name) can be"
                        + " placed under another folder");
            }
            return inside(below(root, asFolder.directoryOf(key.folder())));
        }
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
