package org.mailsnap.maildir;

import java.io.IOException;

/** Hears about each folder listed while the mailbox is locked (progress, and tests that check the lock). */
@FunctionalInterface
public interface CaptureObserver {
    CaptureObserver NONE = folder -> { };

    /** Called under the locks, right after {@code folder}'s {@code new/} and {@code cur/} were listed. */
    void folderListed(MailFolder folder) throws IOException;
}
