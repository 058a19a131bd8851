package org.mailsnap.walk;

import java.io.IOException;
import org.mailsnap.snapshot.FolderEntry;

/**
 * Where a {@link SnapshotWalker} sends what it walks: a restore's target directory, an mbox, a tar.
 */
@FunctionalInterface
public interface SnapshotOutput {
    /** Starts a selected folder; returns where its messages go, or null when this output skips the folder. */
    FolderOutput beginFolder(FolderEntry folder) throws IOException;
}
