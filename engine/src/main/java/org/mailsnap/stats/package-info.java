/**
 * Figures about a repository for {@code mailsnap stats}: its size, how much deduplication and compression save,
 * what is shared between mailboxes, how fast it grows, and one mailbox's share.
 *
 * <p>A user needs {@link org.mailsnap.stats.StatsCollector} and its result {@link org.mailsnap.stats.RepositoryStats}
 * (with {@link org.mailsnap.stats.MailboxShare} for {@code --mailbox}).
 *
 * <h2>Terms</h2>
 * <ul>
 *   <li><b>referenced blob</b>: a blob some snapshot reaches: its tree chunks, each folder's manifest and
 *       control-file chunks, each message's header and body blobs. Counted once however often it is reached.</li>
 *   <li><b>raw</b> bytes: a blob's plaintext; <b>stored</b> bytes: as it sits in its pack (compressed when that is
 *       shorter, then encrypted), from the blob's index location.</li>
 *   <li><b>logical</b> bytes: the message files every snapshot holds, added over the snapshots (what copying the
 *       store at each snapshot would take).</li>
 *   <li>a blob <b>belongs</b> to a mailbox when a folder of that mailbox reaches it (manifest and control-file chunks
 *       belong to their folder's mailbox; tree chunks to none). <b>Shared</b>: it belongs to two mailboxes or more
 *       (list mail, a message sent to colleagues), so it is stored once for all of them. A mailbox's <b>own</b>
 *       bytes: the stored bytes of the blobs that belong to it and to no other mailbox: what forgetting it and
 *       pruning frees.</li>
 *   <li><b>growth per day</b>: the stored bytes of the blobs first reached by a snapshot later than the oldest,
 *       divided by the days from the oldest snapshot to the newest.</li>
 * </ul>
 *
 * <h2>Algorithm</h2>
 * <pre>
 * for each snapshot, oldest first:
 *   logical += its message bytes
 *   tree chunks → reached (no mailbox)
 *   for each folder: control-file chunks → reached by the folder's mailbox
 *     each manifest chunk the mailbox reaches for the first time (and each content chunk a version 3 index lists):
 *     every header and body blob it names
 *     → reached by the mailbox
 * a blob reached for the first time: its index location adds its raw and stored bytes (message bytes when a
 *   manifest named it; growth when the snapshot is later than the oldest)
 * a blob reached by a second mailbox becomes shared: shared bytes, and each further mailbox adds its stored bytes
 *   to what sharing saves; the mailbox asked for adds to its share, moved from own to shared when another joins
 * </pre>
 * The sums are added as blobs are met; nothing is summed over a map at the end.
 *
 * <p>Memory: a {@link org.mailsnap.model.BlobIdSet} of the referenced blobs' 64-bit prefixes sized once from the
 * number of indexed blobs, and beside each slot an {@code int} (no mailbox, the one mailbox, or the number of
 * mailboxes of a shared blob) and two bits (met as a header; as a header of the mailbox asked for): (8 + 4 + 1/4)
 * bytes / 0.8 load ≈ 15 bytes per indexed blob, ~150 MB at 10 M blobs (an object per blob took ~150 bytes). Only
 * shared blobs cost more: one 64-bit (blob, mailbox) key per mailbox that reaches them, in a growing set. Blobs the
 * index does not know (damage, which {@code check} reports) are held whole, in ordinary sets. Two blobs with the same
 * 64-bit prefix would be counted as one (about n² / 2^65 at n blobs: 3·10^-6 at 10 M).
 */
package org.mailsnap.stats;
