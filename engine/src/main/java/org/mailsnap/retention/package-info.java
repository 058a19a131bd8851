/**
 * Retention: which snapshots a {@code forget} keeps, and why.
 *
 * <p>Terms and rules (the semantics restic and borg document):
 * <ul>
 *   <li>Snapshots are first split into <em>groups</em> ({@link org.mailsnap.retention.GroupBy}: by default one per
 *       store, i.e. host and store path); the policy applies to each group on its own.</li>
 *   <li>Within a group, snapshots are walked newest first. {@code --keep-last n} keeps the first n. Each
 *       <em>bucket rule</em> ({@code hourly}, {@code daily}, {@code weekly} = ISO week, {@code monthly},
 *       {@code yearly}) maps a snapshot's time, in the local time zone, to a bucket; a snapshot whose bucket
 *       differs from the last bucket that rule kept is kept, until the rule's count is used up. So the newest
 *       snapshot of each bucket is kept, counting back from the newest. A count of -1 is unlimited.</li>
 *   <li>When a bucket rule still has count left after the oldest snapshot, the oldest snapshot is kept as well
 *       ("oldest daily snapshot"), so a young repository does not lose its first backup (restic 0.17).</li>
 *   <li>{@code --keep-within} keeps every snapshot newer than the duration, measured back from the group's newest
 *       snapshot (not from now: a host that stopped backing up does not lose everything). {@code --keep-tag}
 *       keeps every snapshot carrying the tag.</li>
 *   <li>A snapshot kept by several rules is listed once with every reason.</li>
 *   <li>Beyond restic: the newest snapshot of each store (host and path) is always kept, whatever the grouping
 *       ("newest of its store"): the backing-up host's catalog reuses its placements on the next run.</li>
 * </ul>
 *
 * <p>{@code forget --mailbox} ({@link org.mailsnap.retention.ForgetMailbox}) is the other way to forget: one mailbox
 * from every snapshot. A snapshot object is never modified, so each snapshot holding the mailbox is <em>replaced</em>
 * by one that <em>supersedes</em> it (format-spec/snapshots.md, records version 3): written before the original is
 * deleted, and readers ignore a superseded snapshot, so a crash in between shows each moment once, without the
 * mailbox. Whoever deletes a snapshot deletes what it supersedes first (a forget deletes every superseded leftover
 * before the snapshots it removes), so an original never comes back.
 *
 * <p>Users need {@link org.mailsnap.retention.RetentionPolicy}, {@link org.mailsnap.retention.Forget},
 * {@link org.mailsnap.retention.ForgetPlan} and {@link org.mailsnap.retention.ForgetMailbox}.
 */
package org.mailsnap.retention;
