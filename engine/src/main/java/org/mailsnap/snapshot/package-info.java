/**
 * Snapshots: what a backup run records, and how it is laid out in blobs.
 *
 * <pre>
 * Snapshot object (encrypted object "snapshots/&lt;id&gt;", written last: a snapshot that exists is complete)
 *   └─ tree: metadata blobs, record-chunked, one {@link org.mailsnap.snapshot.FolderEntry} per folder,
 *            sorted by (mailbox, folder)
 *        └─ manifest: metadata blobs, record-chunked, one {@link org.mailsnap.model.Placement} per message file,
 *                     sorted by base (UTF-8 bytes)
 *             └─ content: data blobs: the header block, then the body's content-defined chunks
 *        └─ control files: data blobs (dovecot-uidlist, dovecot-keywords, subscriptions, …)
 * </pre>
 *
 * <p>Both levels are cut between records by a keyed hash of the record's key (the base; the folder), so an
 * unchanged folder re-encodes to the very same chunks (the blob store dedups them: nothing is stored), and a renamed
 * message changes one manifest chunk and the one tree chunk that points to it. Readers validate every name before
 * it can become a path ({@link org.mailsnap.snapshot.SafeNames}).
 */
package org.mailsnap.snapshot;
