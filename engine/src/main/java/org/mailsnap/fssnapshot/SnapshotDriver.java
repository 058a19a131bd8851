package org.mailsnap.fssnapshot;

import java.io.IOException;
import java.util.Set;

/** Makes, finds and removes the snapshots of one kind, each named after the process id of the run that made it. */
interface SnapshotDriver {
    /** Makes run {@code pid}'s snapshot of {@code fs}. What a failure leaves behind, {@link #remove} removes. */
    FsSnapshot create(StoreFilesystem fs, long pid) throws IOException;

    /** The runs that have a snapshot of {@code fs}, or part of one (a mount directory, a volume). */
    Set<Long> runs(StoreFilesystem fs) throws IOException;

    /**
     * Removes whatever run {@code pid} left of its snapshot of {@code fs}; returns what it removed, or null when
     * there was nothing.
     */
    String remove(StoreFilesystem fs, long pid) throws IOException;
}
