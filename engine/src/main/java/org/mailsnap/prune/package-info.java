/**
 * Garbage collection: {@code prune} removes the blobs no snapshot references, in the order of
 * format-spec/operations.md ("prune and repack").
 *
 * <pre>
 * Prune.run
 *   1. exclusive lock (a backup's shared lock makes it refuse, naming the holder; nothing is written), or with
 *      a wait: try again every poll interval, holding no lock in between, so backups go on meanwhile
 *      on a local directory: remove .tmp- files of killed writers older than an hour
 *   2. (PrunePlanner, writes nothing) list index files I_1..I_k and packs;
 *      read every index file: supersedes lists, packs ever indexed
 *      read the non-superseded ones again: per pack its entries; metadata blob locations (to read trees)
 *      mark (Marker): every snapshot's tree chunks, manifests (and the content chunks a version 3 index lists),
 *        control files, headers, bodies → live set (BlobIdSet);
 *      a snapshot a readable one supersedes (a replacement's original) is not marked, and deleted in step 6
 *      sweep: every live blob must be indexed in a present pack, or stop; blobs listed twice are suspects
 *      per pack, live entries and bytes, counting one copy of each blob (Copies: the first met; spares are dead)
 *      decide: no live blob → delete; ten or more small packs (below 1/25 of the target size) → repack them all;
 *      all live → keep; else repack the deadest until unused ≤ max-unused
 *   3. repack: live blobs of those packs copied (still compressed, re-encrypted) into new packs
 *   4. new index files N_1..N_m: the live blobs of kept packs, then of the new packs; an index file whose
 *      every entry is a kept blob in a kept pack is left as it is (untouched), so a prune after a day of hourly
 *      backups rewrites the index entries of what changed, not of the whole repository
 *   5. final index file F: supersedes the other I_1..I_k, then the unindexed packs seen now (two-phase record)
 *   6. delete the superseded snapshot objects, those I_j, then packs no live index lists: dead, repacked, listed only by superseded index
 *      files, and unindexed ones already named by a previous F
 *   7. release the lock
 * </pre>
 *
 * <p>Crash between any two steps: before 5, old and new index files list overlapping blobs (all valid) and
 * nothing is deleted; new packs without an index are unindexed garbage for the next prunes. After 5, the old index
 * files are superseded, so readers already ignore them; the next prune deletes what was left.
 *
 * <p>Memory: the live set holds the first 64 bits of each live blob id in an open-addressing {@code long[]}
 * sized once from the number of indexed blobs at load ≤ 0.8: 10 M blobs ≈ 100 MB (a {@code HashMap<BlobId,…>}
 * would take about 1 GB), plus a bit per slot (1.5 MB) for the sweep. A prefix collision can only make a dead blob
 * look live (kept: space, never data). Per pack a few counters (a 16 MiB pack holds thousands of blobs, so 10 M
 * blobs are a few thousand packs); the locations of metadata blobs only (tree, manifest and ledger chunks, which
 * the mark reads), in a {@link org.mailsnap.model.BlobLocationTable} (33 bytes each); one index file and one
 * manifest chunk decoded at a time. Index files are read five times (supersedes, packs, sweep, live bytes, rewrite)
 * instead of being held.
 *
 * <p>The local catalog learns of a prune on its next sync ({@link org.mailsnap.history.CatalogSync}): a loaded index
 * file superseded or gone makes it drop every cached location and load the live index files again, so a backup
 * never deduplicates against a pruned blob, whichever host pruned.
 *
 * <p>Users need {@link org.mailsnap.prune.Prune}, {@link org.mailsnap.prune.PruneOptions},
 * {@link org.mailsnap.prune.PruneProgress} and {@link org.mailsnap.prune.PruneResult}.
 */
package org.mailsnap.prune;
