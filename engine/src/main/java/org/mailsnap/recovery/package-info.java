/**
 * Recovery: getting the catalog, and lost mail, back from the repository alone.
 *
 * <p>What a user needs: {@link org.mailsnap.recovery.CatalogRebuild} ({@code mailsnap catalog rebuild}: an empty
 * catalog on a new machine, filled so that restores, searches and an <em>incremental</em> next backup work) with
 * its {@link org.mailsnap.recovery.RebuildProgress} and {@link org.mailsnap.recovery.RebuildResult}; and
 * {@link org.mailsnap.recovery.MessageFinder} ({@code mailsnap find}: a search hit with the first and last snapshot
 * holding it, or the deleted-mail ledger keeping it once those were forgotten ({@link
 * org.mailsnap.recovery.RepositoryLedgers}), so a deleted message is located and restored with {@code --message}).
 *
 * <h2>Terms</h2>
 * <ul>
 *   <li><b>store</b>: a host and a store path ({@code Snapshot.storeKey()}); each has its own chain of snapshots and
 *       its own last-run state in the catalog.</li>
 *   <li><b>last-run state</b>: per folder of the store's latest snapshot, its tree entry with a listing time
 *       ({@code FolderState}) and its placements; what lets a backup skip unchanged folders and merge by base.</li>
 *   <li><b>content map</b>: (mailbox, base) → blobs and mtime of every message a snapshot ever held; what lets a
 *       backup recognise a moved, copied or returning message without reading it.</li>
 *   <li><b>search index</b>: (mailbox, GUID) → header fields, first snapshot; once gone, the last snapshot that held it,
 *       and when it was found gone.</li>
 * </ul>
 *
 * <h2>Rebuild, in short</h2>
 * <pre>
 * lock shared; refuse a catalog that knows snapshots
 * blob index ← every index file; snapshot summaries ← every snapshot object
 * for each store, snapshots oldest first:
 *     per folder: chunks new since the previous snapshot → content map, search index (header read once)
 *                 chunks dropped since                  → "went away after the previous snapshot" unless seen now
 * for each store's latest snapshot: placements, then folder state (listed at: see CatalogRebuild)
 * for each store's deleted-mail ledger entry: a departure from forgotten snapshots; the latest one wins,
 *     unless the latest snapshot holds the message
 * commit every N changes
 * </pre>
 */
package org.mailsnap.recovery;
