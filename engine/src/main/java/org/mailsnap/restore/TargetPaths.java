package org.mailsnap.restore;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.mailsnap.model.FolderKey;
import org.mailsnap.model.NameBytes;

/**
 * Maps folders to the directory names walked from the target, one name at a time, and refuses any that would leave
 * it. The walk itself ({@link FolderDirs}) opens each name from its parent's handle without following links.
 */
final class TargetPaths {
    private final boolean oneMailbox;
    /** With a restore as a folder: where the snapshot's folders go under the mailbox root; null otherwise. */
    private final RestoreFolder asFolder;

    TargetPaths(boolean oneMailbox, RestoreFolder asFolder) {
        this.oneMailbox = oneMailbox;
        this.asFolder = asFolder;
    }

    /** The names from the target to the mailbox root of {@code key}: none when the target is the mailbox root. */
    List<String> mailboxRoot(FolderKey key) throws IOException {
        return oneMailbox || key.mailbox().isEmpty() ? List.of() : names(key.mailbox(), key);
    }

    /** The names from the mailbox root to the folder's directory: none for INBOX. */
    List<String> folderDir(FolderKey key) throws IOException {
        if (asFolder != null) {
            if (!key.folder().isEmpty() && !key.folder().startsWith(".")) {
                throw new IOException("cannot restore " + key + " as a folder: only Maildir++ folders (.Name) can be"
                        + " placed under another folder");
            }
            return names(asFolder.directoryOf(key.folder()), key);
        }
        return key.folder().isEmpty() ? List.of() : names(key.folder(), key);
    }

    /**
     * The {@code /}-separated path split into names, each one plain: validated by {@code SafeNames} when the tree was
     * decoded, and checked again here since a wrong one would leave the target.
     */
    private static List<String> names(String path, FolderKey key) throws IOException {
        List<String> names = new ArrayList<>();
        for (String name : path.split("/", -1)) {
            if (!NameBytes.isEntryName(name)) {
                throw new IOException("refusing to restore " + key + ": '" + path + "' is not a plain relative path");
            }
            names.add(name);
        }
        return names;
    }

    /** A file name directly in a directory, validated when it was decoded; checked again here. */
    static String fileName(String name) throws IOException {
        if (!NameBytes.isEntryName(name)) {
            throw new IOException("refusing to write outside the restore target: file name '" + name + "'");
        }
        return name;
    }
}
