package org.mailsnap.model;

/**
 * A folder of a mailbox.
 *
 * @param mailbox the mailbox root relative to the store, {@code /}-separated ({@code ""} when the store itself is
 *                the mailbox)
 * @param folder  the folder directory relative to the mailbox root: {@code ""} for INBOX, {@code .Sent} or
 *                {@code .Lists.dovecot} for Maildir++, {@code Sent/2024} for {@code LAYOUT=fs}
 */
public record FolderKey(String mailbox, String folder) implements Comparable<FolderKey> {

    @Override
    public int compareTo(FolderKey o) {
        int c = mailbox.compareTo(o.mailbox);
        return c != 0 ? c : folder.compareTo(o.folder);
    }

    @Override
    public String toString() {
        return mailbox + "|" + (folder.isEmpty() ? "INBOX" : folder);
    }
}
