package org.mailsnap.catalog;

import java.util.Objects;
import org.mailsnap.snapshot.FolderEntry;

/**
 * What the last run recorded for one folder: the folder's entry in that snapshot's tree (directory mtimes, manifest,
 * control files) and when the listing was taken. An unchanged folder reuses the entry as it is.
 *
 * @param listedAtNanos when the listing was taken (guards against changes within the mtime's granularity), or
 *                      {@link #LIST_AGAIN} when the next run must list the folder whatever its mtimes say
 * @param entry         the folder's tree entry
 */
public record FolderState(long listedAtNanos, FolderEntry entry) {
    /**
     * The listing time of a folder that holds a message the run could not store: no directory mtime is older than
     * it, so the folder never counts as unchanged.
     */
    public static final long LIST_AGAIN = 0;

    public FolderState {
        Objects.requireNonNull(entry, "entry");
    }
}
