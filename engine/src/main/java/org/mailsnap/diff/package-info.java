/**
 * What changed between two snapshots, message by message: {@link org.mailsnap.diff.SnapshotDiff}.
 *
 * <p>Both snapshots are sorted the same way (the tree by mailbox and folder, each manifest by base), so the diff is
 * a merge-join that streams both, never a map of either:
 * <ol>
 *   <li>Pull the two trees' folder entries side by side in {@link org.mailsnap.model.FolderKey} order. A folder whose
 *       manifest has the same chunk ids in both is equal and not read: an hourly diff reads only what changed.</li>
 *   <li>For a folder that differs (or exists on one side only), pull both manifests side by side in base order. The
 *       same base on both sides with another name or place ({@code new/}→{@code cur/}) is a flag change, reported at
 *       once. A base on one side only <em>left</em> or <em>arrived in</em> the folder: held by its Dovecot GUID.</li>
 *   <li>When the mailbox's last folder is done (mailboxes are contiguous in the tree), pair what left and arrived by
 *       GUID: a move (also when Dovecot gave the message a new base on the way back into a folder that knew its
 *       base). What only arrived was added, what only left was expunged.</li>
 * </ol>
 *
 * <p>Each {@link org.mailsnap.diff.Change} carries the message as each snapshot held it, its flags in words (keywords
 * named by each snapshot's {@code dovecot-keywords} of that folder) and what the catalog's search index knows of it
 * (Date, From, Subject), so a change reads as mail, not as file names. Records out of order in either snapshot are an
 * error: a merge-join over them would pair the wrong ones.
 *
 * <p>Memory: one tree chunk and one manifest chunk per side, plus one mailbox's unpaired arrivals and departures —
 * its changes, never its unchanged messages.
 */
package org.mailsnap.diff;
