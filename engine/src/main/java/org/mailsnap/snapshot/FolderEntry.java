package org.mailsnap.snapshot;

import java.util.List;
import org.mailsnap.model.BlobId;
import org.mailsnap.model.FolderKey;

/**
 * One folder in a snapshot's tree.
 *
 * @param key              mailbox and folder
 * @param newDirMtimeNanos mtime of {@code new/} when it was listed
 * @param curDirMtimeNanos mtime of {@code cur/} when it was listed
 * @param messages         number of placements in the manifest
 * @param bytes            sum of their sizes
 * @param manifest         the manifest's chunk ids, in order
 * @param controlFiles     the folder directory's kept control files, sorted by name
 */
public record FolderEntry(
        FolderKey key,
        long newDirMtimeNanos,
        long curDirMtimeNanos,
        long messages,
        long bytes,
        List<BlobId> manifest,
        List<ControlFile> controlFiles) {
    public FolderEntry {
        manifest = List.copyOf(manifest);
        controlFiles = List.copyOf(controlFiles);
    }
}
