/**
 * Verification: {@code mailsnap check} finds damage and names it in mail terms, and tells the catalog about it so
 * the next backup heals what the live store still has.
 *
 * <p>A user needs {@link org.mailsnap.check.Checker} (with a {@link org.mailsnap.check.DataSelection} and a
 * {@link org.mailsnap.check.MessageLookup}), its {@link org.mailsnap.check.CheckResult}, and
 * {@link org.mailsnap.check.DamageMarks} (also the hook a restore calls when it meets a bad blob).
 *
 * <h2>Terms</h2>
 * <ul>
 *   <li><b>live index file</b>: one that no present index file supersedes (format-spec/operations.md).</li>
 *   <li><b>damage</b>: an object that cannot be read or that disagrees with another (a missing pack an index lists,
 *       a pack header or blob that fails authentication, a snapshot that does not decode, a referenced blob no live
 *       index lists). Any damage makes check fail (exit 1).</li>
 *   <li><b>leftover</b>: what killed or interrupted runs leave behind by design: stale locks, packs no index lists,
 *       superseded index files still present, a pack listed by two index files, stray names. Reported, not damage.</li>
 *   <li><b>affected message</b>: a placement some snapshot holds whose header or body blob is bad; reported by
 *       mailbox, folder, file name, and Subject and Message-ID when the catalog's search index knows them.</li>
 * </ul>
 *
 * <h2>Algorithm</h2>
 * <pre>
 * 0. list snapshots/, then index/, then data/: writers publish packs, then index files, then the snapshot, so
 *    listing in the reverse order never shows a reference to something not yet listed (a backup may run meanwhile)
 * 1. locks/: stale or unreadable locks                                   → leftovers
 *    data/: the pack ids (one listing); stray names under data/, index/, snapshots/ → leftovers
 * 2. index/: read every file once for its supersedes; unreadable live files → damage
 *    read the live files again, pack by pack:
 *       pack not in data/                      → damage; its blobs PACK_MISSING
 *       --read-data selects it                 → read whole: name = SHA-256, header parses and agrees with the
 *                                                index, every listed blob decrypts and hashes to its id
 *                                                (failures → damage; those blobs DAMAGED)
 *       otherwise                              → read its header only (three ranged reads): parses and agrees
 *       every listed blob → a BlobTable (data or metadata) with its status
 *    packs in data/ that no live index lists   → leftovers; their headers read, their blobs UNINDEXED in the
 *                                                tables (a damaged index file leaves the packs it listed so: the
 *                                                walk still decodes their trees and manifests, and names the
 *                                                messages a restore cannot reach until repair indexes them anew)
 * 3. sort both tables (primitive arrays, see BlobTable: 13 bytes a blob, 33 for metadata blobs)
 * 4. every snapshot object: decodes (else damage, named with what the catalog knows of it: time, store, and the
 *    messages it alone held, which came and went between two backups and are lost with it), then its tree
 *    chunks; each distinct tree or manifest chunk is decoded once (a per-chunk verdict in the metadata table), so
 *    8,760 hourly snapshots cost the distinct chunks, not 8,760 trees:
 *       tree chunk GOOD  ⇔ readable, and all its folders' manifest chunks GOOD and control-file blobs readable
 *       manifest chunk GOOD ⇔ readable, and every placement's header and body blobs readable (some OK location);
 *         a version 3 content index: every content chunk it lists GOOD (a content chunk: as a version 2 chunk);
 *         a version 3 placement chunk: readable
 *       a bad manifest chunk keeps the file names of its bad placements (few); a folder whose content index is
 *         bad is read whole when reported, since the index is shared by its mailbox's folders
 *    and, for a snapshot carrying a deleted-mail ledger (records version 4), its ledger chunks:
 *       ledger chunk GOOD ⇔ readable, and every entry's header and body blobs readable; a bad one keeps its bad
 *       entries (folder and file name)
 * 5. for each snapshot with a BAD tree or ledger chunk, oldest first: re-read only its BAD tree chunks and list the
 *    folders and placements concerned, and its bad ledger entries (problems prefixed "deleted, in the ledger"); tally each message (mailbox, folder, base) over snapshots (count, first, last);
 *    look up its Subject and Message-ID.
 * </pre>
 * Memory: the two tables, one snapshot object at a time (plus the few bad ones), one tree or manifest chunk at a
 * time, and the bad findings. Nothing per referenced blob beyond the tables' status and verdict bytes.
 *
 * <h2>Healing</h2>
 * {@link org.mailsnap.check.DamageMarks} records every bad blob location in the catalog: the blob index reports those
 * blobs absent, and messages and folders that use them are read and listed again by the next backup (see there).
 * Blob ids are keyed hashes of the plaintext, so a message stored again heals every older snapshot that referenced
 * the same blob too; {@code mailsnap repair} then writes an index without the missing pack's entries.
 * A check given the catalog's marks ({@code CatalogBlobIndex.damagedLocations}) reports the marked locations that it read whole
 * and verified ({@link org.mailsnap.check.CheckResult#intact()}), and recording the result takes those marks back.
 */
package org.mailsnap.check;
