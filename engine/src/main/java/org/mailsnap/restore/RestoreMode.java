package org.mailsnap.restore;

/** Where restored messages go. */
public enum RestoreMode {
    /** A new or empty directory receives the exact state of the snapshot. */
    EMPTY_TARGET,
    /** A live mailbox receives only what it lacks. */
    MERGE,
    /**
     * A new folder of a live mailbox receives the snapshot's folders ({@link RestoreRequest#asFolder}), subscribed,
     * for the user to take back what they want; nothing else of the mailbox is touched.
     */
    AS_FOLDER
}
