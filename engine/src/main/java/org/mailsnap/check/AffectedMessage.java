package org.mailsnap.check;

import java.util.List;
import org.mailsnap.model.SnapshotId;

/**
 * A message that at least one snapshot cannot restore, in mail terms.
 *
 * @param mailbox        the mailbox
 * @param folder         the folder ({@code ""} for INBOX)
 * @param identity       its identity as the catalog keys it: Dovecot's GUID, which is the base (the name before
 *                       the info separator) unless the folder's uidlist recorded another
 * @param fileName       the message file's name in the newest affected snapshot
 * @param subject        its Subject from the catalog's search index, or null when the catalog does not know it
 * @param messageId      its Message-ID from the search index, or null
 * @param problems       which of its blobs are bad, and why
 * @param snapshots      how many snapshots hold it with the bad blobs
 * @param firstSnapshot  the oldest of them
 * @param lastSnapshot   the newest of them
 * @param unindexedOnly  each of its bad blobs is in a pack whose header lists it but no readable index does (a
 *                       damaged index file): 'mailsnap repair' makes it restorable again, so the catalog is not
 *                       told to store it again
 */
public record AffectedMessage(
        String mailbox,
        String folder,
        String identity,
        String fileName,
        String subject,
        String messageId,
        List<String> problems,
        int snapshots,
        SnapshotId firstSnapshot,
        SnapshotId lastSnapshot,
        boolean unindexedOnly) {
    public AffectedMessage {
        problems = List.copyOf(problems);
    }

    /** {@code example.org/anne .Sent 1700…:2,S "Subject" <id@host>}. */
    public String describe() {
        return (mailbox.isEmpty() ? "(store root)" : mailbox) + " " + (folder.isEmpty() ? "INBOX" : folder) + " "
                + fileName + (subject != null ? " \"" + subject + "\"" : "")
                + (messageId != null ? " " + messageId : "");
    }
}
