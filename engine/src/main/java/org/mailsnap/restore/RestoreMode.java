package org.mailsnap.restore;

/** Where restored messages go. */
public enum RestoreMode {
    /** A new or empty directory receives the exact state of the snapshot. */
    EMPTY_TARGET,
    /**
     * As {@link #EMPTY_TARGET}, into a directory that an interrupted restore of the same selection began: a file
     * already there under its final name with the snapshot's size is complete (files are published only once
     * written) and kept; everything else is written.
     */
    RESUME,
    /** A live mailbox receives only what it lacks. */
    MERGE;

    /** True for the modes that write the snapshot's exact state (control files included) into their own directory. */
    boolean exactCopy() {
        return this != MERGE;
    }
}
