/**
 * Snapshots: what a backup run records, and how it is laid out in blobs.
 *
 * <pre>
 * Snapshot object (encrypted object "snapshots/&lt;id&gt;", written last: a snapshot that exists is complete)
 *   └─ tree: metadata blobs, record-chunked, one {@link org.mailsnap.snapshot.FolderEntry} per folder,
 *            sorted by (mailbox, folder)
 *        └─ manifest (version 3, "split"): metadata blobs
 *             ├─ content index: the mailbox's content chunks (the same blob in every folder of the mailbox)
 *             │    └─ content chunks: the mailbox's content table, one entry per distinct (base, mtime, size, blob
 *             │         ids) placed in any of its folders, sorted by base
 *             │         └─ content: data blobs: the header block, then the body's content-defined chunks
 *             └─ placement chunks: one entry per message file of the folder, sorted by base: a reference
 *                  (content chunk, entry) into the table, the name's suffix after the base, new/ or cur/, the GUID
 *        └─ control files: data blobs (dovecot-uidlist, dovecot-keywords, subscriptions, …)
 *   └─ ledger (records version 4): metadata blobs, record-chunked, one gone placement per entry
 * </pre>
 *
 * <p>Manifests of versions 1 and 2 ({@code ManifestCodec}) are one list of entries per folder that carry the
 * content ids themselves; they are still read, never written. {@link org.mailsnap.snapshot.ChunkCursor#manifest}
 * reads a folder's manifest of any version ({@code ManifestDecoder}); {@link org.mailsnap.snapshot.ManifestChunks}
 * visits one chunk for walks that reach every blob once. Every list is cut between records by a keyed hash of the
 * record's key (the base; the folder), so an unchanged folder re-encodes to the very same chunks (the blob store
 * dedups them: nothing is stored). A renamed message changes one placement chunk (~1 KiB of references and
 * suffixes, which compress well) and the tree chunk that points to it; a move between folders one placement chunk
 * in each; the content table changes only when a message arrives in or leaves the mailbox. Readers validate every
 * name before it can become a path ({@link org.mailsnap.snapshot.SafeNames}).
 */
package org.mailsnap.snapshot;
