package org.mailsnap.stats;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.mailsnap.history.DamagedSnapshot;

/**
 * Figures of a whole repository (see the package doc for the terms).
 *
 * @param snapshots         snapshots (readable ones)
 * @param oldest            the oldest snapshot's time, null without snapshots
 * @param newest            the newest snapshot's time, null without snapshots
 * @param packs             packs in {@code data/}
 * @param packBytes         their bytes: the repository's size but for small index, snapshot and key objects
 * @param logicalBytes      message bytes of all snapshots added up
 * @param referencedBlobs   distinct blobs the snapshots reference
 * @param rawBytes          their plaintext bytes
 * @param storedBytes       their bytes as stored (compressed, encrypted)
 * @param messageRawBytes   plaintext bytes of the referenced header and body blobs (what logical bytes deduplicate to)
 * @param sharedBlobs       blobs referenced by two mailboxes or more
 * @param sharedStoredBytes their bytes as stored (once)
 * @param sharingSavedBytes stored bytes they would take more if each mailbox had its own copy
 * @param newestMessages    messages in the newest snapshot of each store, added up
 * @param newestMailboxes   mailboxes in the newest snapshot of each store, added up
 * @param mailboxes         distinct mailboxes over all snapshots
 * @param messages          distinct messages over all snapshots (distinct header blobs)
 * @param grownBytes        stored bytes of the blobs first referenced by a snapshot later than the oldest
 * @param mailbox           the share of the mailbox asked for, or null
 * @param skipped           snapshots that could not be read whole (a damaged snapshot object, tree or manifest
 *                          chunk): not counted as snapshots, and the figures are incomplete
 */
public record RepositoryStats(
        int snapshots,
        Instant oldest,
        Instant newest,
        int packs,
        long packBytes,
        long logicalBytes,
        long referencedBlobs,
        long rawBytes,
        long storedBytes,
        long messageRawBytes,
        long sharedBlobs,
        long sharedStoredBytes,
        long sharingSavedBytes,
        long newestMessages,
        long newestMailboxes,
        long mailboxes,
        long messages,
        long grownBytes,
        MailboxShare mailbox,
        List<DamagedSnapshot> skipped) {
    public RepositoryStats {
        skipped = List.copyOf(skipped);
    }

    /** Logical bytes per plaintext byte of message blobs; empty without messages. */
    public Optional<Double> deduplicationRatio() {
        return messageRawBytes == 0 ? Optional.empty() : Optional.of((double) logicalBytes / messageRawBytes);
    }

    /** Plaintext bytes per stored byte of the referenced blobs; empty without blobs. */
    public Optional<Double> compressionRatio() {
        return storedBytes == 0 ? Optional.empty() : Optional.of((double) rawBytes / storedBytes);
    }

    /** Days from the oldest snapshot to the newest (0 without snapshots). */
    public double spanDays() {
        return oldest == null ? 0 : java.time.Duration.between(oldest, newest).toMillis() / 86_400_000.0;
    }

    /** Stored bytes added per day between the oldest and the newest snapshot; empty when they are the same moment. */
    public Optional<Double> growthBytesPerDay() {
        double days = spanDays();
        return days <= 0 ? Optional.empty() : Optional.of(grownBytes / days);
    }
}
