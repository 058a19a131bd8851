package org.mailsnap.maildir;

import java.io.IOException;

/** Hears what a capture does, mostly while the mailbox is locked (progress, and tests that check the lock). */
public interface CaptureObserver {
    CaptureObserver NONE = new CaptureObserver() {};

    /**
     * Called before any lock is taken, once {@code folder}, which the previous run did not list, was read without a
     * lock to bring its directories into the page cache.
     */
    default void folderWarmed(MailFolder folder) throws IOException {}

    /** Called under the locks right after {@code subdir} ({@code "new"}, then {@code "cur"}) was listed. */
    default void directoryListed(MailFolder folder, String subdir) throws IOException {}

    /** Called under the locks once {@code folder} was listed and its control files read. */
    default void folderListed(MailFolder folder) throws IOException {}
}
