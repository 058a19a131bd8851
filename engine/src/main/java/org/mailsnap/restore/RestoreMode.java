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
    MERGE,
    /**
     * A new folder of a live mailbox receives the snapshot's folders ({@link RestoreRequest#asFolder}), subscribed,
     * for the user to take back what they want; nothing else of the mailbox is touched.
     */
    AS_FOLDER;

    /** True for the modes that write the snapshot's exact state (control files included) into their own directory. */
    boolean exactCopy() {
        return this == EMPTY_TARGET || this == RESUME;
    }

    /** True for the modes that deliver into a mailbox a mail server may be serving: every file is fsynced. */
    public boolean live() {
        return this == MERGE || this == AS_FOLDER;
    }
}
