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
 *   tree chunks → referenced (no mailbox)
 *   for each folder: control-file chunks → referenced by the folder's mailbox
 *     each manifest chunk, once per (chunk, mailbox): the chunk and every header and body blob it names
 *     → referenced by the mailbox; a blob met for the first time remembers the snapshot's time
 * for each referenced blob: its index location gives raw and stored bytes
 * </pre>
 * Memory: one entry per referenced blob (id, sizes, first time, first mailbox; the set of mailboxes only for a
 * shared blob), about 150 bytes each: ~150 MB for a million blobs. This is a report an admin asks for, not part of
 * the hourly run; a repository of 10 M blobs needs a heap to match.
 */
package org.mailsnap.stats;
