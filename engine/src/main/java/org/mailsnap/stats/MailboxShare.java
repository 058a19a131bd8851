package org.mailsnap.stats;

/**
 * One mailbox's part of a repository.
 *
 * @param mailbox         the mailbox, as in the snapshots' trees
 * @param snapshots       snapshots holding the mailbox
 * @param messages        distinct messages of the mailbox over those snapshots (distinct header blobs)
 * @param referencedBytes stored bytes of every blob the mailbox references, shared or not
 * @param ownBytes        stored bytes of the blobs that only this mailbox references: what forgetting the mailbox
 *                        and pruning frees
 * @param ownBlobs        how many such blobs
 * @param sharedBytes     stored bytes of the blobs it references that other mailboxes reference too
 */
public record MailboxShare(
        String mailbox,
        int snapshots,
        long messages,
        long referencedBytes,
        long ownBytes,
        long ownBlobs,
        long sharedBytes) {}
