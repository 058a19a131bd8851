package org.mailsnap.restore;

/** Where restored messages go. */
public enum RestoreMode {
    /** A new or empty directory receives the exact state of the snapshot. */
    EMPTY_TARGET,
    /** A live mailbox receives only what it lacks. */
    MERGE
}
