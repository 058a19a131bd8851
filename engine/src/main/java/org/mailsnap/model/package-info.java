/**
 * The vocabulary shared by every layer: blobs and where they live, messages and where they sit.
 *
 * <ul>
 *   <li>{@link org.mailsnap.model.BlobId}: the keyed hash (HMAC-SHA-256 under the repository's id key) of a blob's
 *       plaintext. Equal plaintext, equal id, so ids are the unit of deduplication.</li>
 *   <li>{@link org.mailsnap.model.BlobLocation}: where a blob is stored (pack, offset, length).</li>
 *   <li>{@link org.mailsnap.model.ObjectId}: the name of a stored object (pack, index file, snapshot, lock): the
 *       SHA-256 of its stored bytes. Index files and their {@code supersedes} lists use it.</li>
 *   <li>{@link org.mailsnap.model.PackId}: a pack's object id, typed apart so that no other id passes for it.</li>
 *   <li>{@link org.mailsnap.model.SnapshotId}: a snapshot's object id, typed apart likewise. Snapshot ids are text
 *       only at the edges: the catalog's snapshot keys (converted where they are read), the search index's
 *       first/last snapshot fields (which also hold sentinels for "not saved yet" and "none known"), a snapshot's
 *       informative {@code Parent}, and what a user types (a prefix or {@code latest}, resolved by
 *       {@code SnapshotHistory.named}).</li>
 *   <li>{@link org.mailsnap.model.HexId}: what the three object ids share (their order by hex digits, the 12-digit
 *       short form, the 32 bytes, the conversion to an {@code ObjectId}), written once.</li>
 *   <li>{@link org.mailsnap.model.MessageContent}: a message's bytes as blobs: its header block, then its body
 *       chunks; the message file is their concatenation.</li>
 *   <li>{@link org.mailsnap.model.Placement}: where a message sits at one moment: its file name (base, separator,
 *       info with flags, verbatim), {@code new/} or {@code cur/}, its mtime, and its content.</li>
 *   <li>{@link org.mailsnap.model.FolderKey}: a folder of a mailbox, both as paths relative to their parent.</li>
 *   <li>{@link org.mailsnap.model.BaseNames}: a message's base (its name up to the first separator), its
 *       identity unless the uidlist gives another GUID, and the byte order that manifests and the catalog keep
 *       bases in.</li>
 *   <li>{@link org.mailsnap.model.BlobIdSet}: a compact set of blob ids by their 64-bit prefixes, for the commands
 *       that walk every blob of a repository (prune's live set, stats), and
 *       {@link org.mailsnap.model.BlobLocationTable}: the locations an index lists as sorted primitive arrays (check's
 *       tables, prune's metadata locations).</li>
 * </ul>
 */
package org.mailsnap.model;
