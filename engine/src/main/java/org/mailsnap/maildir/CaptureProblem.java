package org.mailsnap.maildir;

import org.mailsnap.model.FolderKey;

/**
 * Something a capture could not do for one folder, while the rest of the mailbox was captured.
 *
 * @param folder the folder
 * @param kind   what happened
 * @param detail a sentence for the operator, naming the path
 */
public record CaptureProblem(FolderKey folder, Kind kind, String detail) {
    public enum Kind {
        /** The folder was renamed or deleted during the run; it is not in the result. */
        FOLDER_VANISHED,
        /** The folder could not be read; it is reported unlisted, so the caller keeps what it had. */
        FOLDER_UNREADABLE,
        /** Our lock was broken or replaced after the listing had been verified; the listing stands. */
        LOCK_LOST_AT_RELEASE
    }
}
