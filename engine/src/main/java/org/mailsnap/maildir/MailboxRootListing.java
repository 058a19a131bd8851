package org.mailsnap.maildir;

import java.util.List;

/**
 * What the finder saw in the root of a Maildir++ mailbox: the directory names of its folders ({@code .Sent}, ...) and
 * of the symbolic links where a folder could be, with the root's mtime and when the look began. The backup keeps it in
 * the catalog; while the root's mtime says nothing changed ({@link DirectoryTimes}), no folder can have come, gone or
 * been renamed (Dovecot creates, renames and deletes folders in the root, and deletes by renaming first), so the next
 * run takes the folders from here instead of reading the root and looking at each of its entries. Each folder's
 * {@code cur/} and {@code new/} are still looked at (their mtimes are what the capture compares), and a folder whose
 * {@code cur/} or {@code new/} went or became a link is dropped and reported as a read of the root would.
 *
 * <p>Only a root whose every candidate entry was a folder or a link is kept: a directory that was not (yet) a folder,
 * such as one Dovecot is creating, can become one without the root changing, so such a root is read every time.
 *
 * @param mtimeNanos    the root's mtime when it was read
 * @param listedAtNanos when the look began (the listing clock's time, nanoseconds since the epoch)
 * @param folders       the folders' directory names, in name-byte order
 * @param links         the names of the symbolic links standing where a folder could be, in name-byte order
 */
public record MailboxRootListing(long mtimeNanos, long listedAtNanos, List<String> folders, List<String> links) {
    public MailboxRootListing {
        folders = List.copyOf(folders);
        links = List.copyOf(links);
    }

    /** True when the root, whose mtime is {@code mtimeNowNanos} now, still holds what this listing says. */
    boolean stillHolds(long mtimeNowNanos, long granularityNanos) {
        return DirectoryTimes.unchangedSince(mtimeNowNanos, mtimeNanos, listedAtNanos, granularityNanos);
    }
}
