package org.mailsnap.restore;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.mailsnap.fs.DirHandle;
import org.mailsnap.fs.FileNames;

/**
 * Checks a restore's target for its mode and opens it: the path the caller gave is followed (it is theirs), nothing
 * below it will be.
 */
final class RestoreTarget {
    private RestoreTarget() {}

    /**
     * Empty target: a new or empty directory (resume: any directory). Merge and as a folder: an existing mailbox;
     * as a folder, one without that folder.
     */
    static DirHandle open(Path target, RestoreMode mode, RestoreFolder asFolder) throws IOException {
        if (mode.live()) {
            if (!Files.isDirectory(target)) {
                throw new IOException((mode == RestoreMode.MERGE ? "merge" : "restore") + " target " + target
                        + " is not an existing mailbox directory");
            }
            if (asFolder != null) {
                refuseExistingFolder(target, asFolder);
            }
            return DirHandle.open(target);
        }
        if (Files.exists(target)) {
            if (!Files.isDirectory(target)) {
                throw new IOException("restore target " + target + " exists and is not a directory");
            }
            if (mode == RestoreMode.EMPTY_TARGET) {
                try (var entries = Files.list(target)) {
                    if (entries.findAny().isPresent()) {
                        throw new IOException("restore target " + target + " is not empty (use an empty directory,"
                                + " --resume to finish an interrupted restore into it, or --merge to add missing"
                                + " messages to a live mailbox)");
                    }
                }
            }
        } else {
            Files.createDirectories(target);
        }
        return DirHandle.open(target);
    }

    /** A restore as a folder never writes into a folder the mailbox has: not the name, not one below it. */
    private static void refuseExistingFolder(Path mailboxRoot, RestoreFolder asFolder) throws IOException {
        String top = asFolder.directory();
        try (var entries = Files.newDirectoryStream(mailboxRoot)) {
            for (Path entry : entries) {
                String name = FileNames.nameOf(entry);
                if (name.equals(top) || name.startsWith(top + ".")) {
                    throw new IOException("the mailbox already has the folder '" + asFolder + "' (" + name
                            + "): choose another name");
                }
            }
        }
    }
}
