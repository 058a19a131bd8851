package org.mailsnap.catalog;

import java.util.Objects;
import org.mailsnap.snapshot.FolderEntry;

/**
 * What the last run recorded for one folder: the folder's entry in that snapshot's tree (directory mtimes, manifest,
 * control files) and when the listing was taken. An unchanged folder reuses the entry as it is.
 *
 * @param listedAtNanos when the listing was taken (guards against changes within the mtime's granularity)
 * @param entry         the folder's tree entry
 */
public record FolderState(long listedAtNanos, FolderEntry entry) {
    public FolderState {
        Objects.requireNonNull(entry, "entry");
    }
}
