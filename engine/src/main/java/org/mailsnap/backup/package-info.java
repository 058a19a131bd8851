/**
 * The hourly backup run: from a live Maildir store to a snapshot.
 *
 * <pre>
 * Backup.run
 *   shared repository lock; catalog blob index synced with the repository's index files
 *   find the mailboxes (each symbolic link where a mailbox, folder, cur/, new/ or tmp/ could be is one problem);
 *     none at all → EmptyStoreException before anything is written, unless allowEmpty
 *   for each mailbox, in name order (MailboxRun):
 *     1. capture (MailboxListing): stat new/ and cur/ of every folder; if any changed, lock every folder (sorted),
 *        re-stat, list new/ then cur/ of the changed ones, copy dovecot-uidlist/-keywords, unlock   [milliseconds]
 *     2. merge each listed folder with its previous placements by base (MailboxListing, FolderMerge):
 *          same name          → unchanged, nothing recorded
 *          other name/place   → renamed (flags, new→cur): content and mtime reused, no file touched
 *          base new here      → unknown
 *          base gone          → moved out or expunged
 *     3. resolve unknowns (UnknownMessages): a base that left another folder of the mailbox in this run (a move),
 *        then the mailbox's content map (a copy, a message that came back); only the rest is read, once per base
 *     4. read those files in parallel (MessageReads → MessageStorer): header block and gear-chunked body as
 *        blobs; a file renamed or moved since the listing is found again by its base in any folder; a thread of
 *        its own hints the files the readers open next to the kernel (MessagePrefetch), so a store not in the
 *        page cache is read with many requests in flight
 *     4b. a base found in no folder: capture the mailbox again and redo 2-4 with what was read kept
 *        (at most 4 captures; then what still vanished is left out as expunged and counted)
 *     5. record the kept capture (MailboxRecorder): if any folder was listed, the mailbox's content table and
 *        every folder's placement chunks (an unlisted folder's placements come from the catalog; its entry changes
 *        only if the table did), and the listed folders' control files; placements, folder state, content map and
 *        search index (SearchIndexUpdate) in the open catalog transaction
 *     --rescan: every folder listed, every known message made unknown and read (decided in MailboxListing)
 *   every checkpointMessages read: flush the blob store, then commit the catalog, marking the run unfinished
 *     (RunState); saving the snapshot clears the mark. A prune seen while a store's mark is set (CatalogSync) may
 *     have deleted what that stopped run recorded, so the store's next run reads every message again (--rescan)
 *   finish the tree, flush, save the snapshot object LAST, commit the catalog (a failure there is a
 *     CatalogNotUpdatedException: the snapshot is saved, the next run catches the catalog up)
 *   fewer than half the messages of the store's previous snapshot → a problem and BackupResult.shrank, unless
 *     allowShrink (the snapshot is saved: it is what the store holds; the warning names the previous one)
 * </pre>
 *
 * <p>Each step sees the run ({@code RunState}) only through a narrow role: {@code LastRunState} (the store's folders
 * and placements of the last run) or {@code MessageIndex} (a mailbox's content map and search index), which always
 * reach the current catalog transaction, however many checkpoints replaced it. What one step hands the next is a
 * {@code MailboxAttempt}: one capture with its merge and reads, nothing of which is written until it is kept.
 *
 * <p>Problems are typed records ({@link org.mailsnap.backup.BackupProblem}), reported by every step to one sink and
 * listed in the result for the CLI to render. Those that make a result
 * {@link org.mailsnap.backup.BackupResult#partial() partial} (the CLI's exit 3): a mailbox not backed up, an
 * unreadable file or new folder, a link not followed, a store that shrank. Other problems are information (a folder
 * that vanished during the run, two files with one base, a message changed in place).
 *
 * <p>A run may read a filesystem snapshot of the store instead of the store ({@link org.mailsnap.backup.FrozenStore},
 * made by {@link org.mailsnap.fssnapshot}): mailboxes are found and read in the snapshot's image, the snapshot
 * records the store's own path (so history, incremental state and restores stay the live store's), and every
 * folder's listing time is the snapshot's creation time, which keeps the same-second guard true however late in the
 * run a folder is listed.
 *
 * <p>Invariant: the catalog only commits references to blobs whose packs and index files are published
 * ({@link org.mailsnap.backup.RunBlobIndex} holds a run's new blob locations until its flush), so a run killed at
 * any point leaves a catalog the next run can trust, and no snapshot that points at missing data.
 *
 * <p>Users need {@link org.mailsnap.backup.Backup}, {@link org.mailsnap.backup.BackupSettings},
 * {@link org.mailsnap.backup.BackupProgress}, {@link org.mailsnap.backup.BackupResult} and
 * {@link org.mailsnap.backup.BackupProblem}.
 */
package org.mailsnap.backup;
