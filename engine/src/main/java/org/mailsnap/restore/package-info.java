/**
 * Restore: put back a mailbox, a folder or one message as a snapshot holds it.
 *
 * <p>Three modes:
 * <ol>
 *   <li><b>Into an empty directory</b> ({@link org.mailsnap.restore.RestoreMode#EMPTY_TARGET}): every folder's
 *       {@code cur/ new/ tmp/}, every message file byte-identical under its name of that moment (so its flags), its
 *       mtime (IMAP INTERNALDATE), and the control files of the same moment ({@code dovecot-uidlist},
 *       {@code dovecot-keywords}, {@code subscriptions}, {@code maildirfolder}; never {@code maildirfolder} in the
 *       root), so Dovecot serving the result shows the same UIDs, flags and keywords.</li>
 *   <li><b>Merge into a live mailbox</b> ({@link org.mailsnap.restore.RestoreMode#MERGE}): only messages the
 *       mailbox has nowhere now, neither under their base nor under their Dovecot GUID (read from each live
 *       folder's {@code dovecot-uidlist}, without its lock and never written): a message since moved to another
 *       folder is not put back in its old one, nor one Dovecot gave a new base when it was moved back into a
 *       folder that knew it; each such skip is noted with where the message is now; each
 *       is written to the folder's {@code tmp/}, fsynced, given its mtime, and renamed into {@code new/} or
 *       {@code cur/<base>:2,<flags>}, which is how Dovecot itself delivers, so no lock is needed. A base the
 *       folder's live uidlist still lists without a file (Dovecot keeps the record of an expunged or moved-out
 *       message until it rewrites the list) is not written again, since Dovecot would take the file for an expunged
 *       message that reappeared (a warning in its log, a new UID): it gets a fresh base ({@code FreshBase},
 *       so a new GUID). A message whose GUID is not its base is written under its GUID when no live message has
 *       that and the folder's uidlist does not list it, so Dovecot reports the same GUID (a merge cannot write the
 *       uidlist's {@code G}). Each such name change is noted. Control files of a
 *       live folder are never touched. A folder the mailbox no longer has is created as Dovecot would find it:
 *       the directory, its {@code maildirfolder} marker, {@code cur/ new/ tmp/}.</li>
 *   <li><b>Resume</b> ({@link org.mailsnap.restore.RestoreMode#RESUME}): as into an empty directory, into one that an
 *       interrupted or partial restore of the same selection began. A file appears under its final name only once
 *       it is written whole (tmp, then link), so a file there with the snapshot's name and size is complete and
 *       kept; anything else under that name (another size, a link, a directory) is named and not replaced.</li>
 *   <li><b>As a folder of a live mailbox</b> ({@link org.mailsnap.restore.RestoreMode#AS_FOLDER}): the snapshot's
 *       folders under a new folder ({@code RestoreFolder}: {@code Restored/2026-12-01 10:00} is the Maildir++
 *       directory {@code .Restored.2026-12-01 10:00}, levels in modified UTF-7; {@code .Archive} goes to
 *       {@code .Restored.2026-12-01 10:00.Archive}), each with its marker, the snapshot's {@code dovecot-keywords}
 *       and no uidlist (Dovecot numbers the messages), messages delivered as in a merge, then subscribed in the
 *       mailbox's {@code subscriptions} file under Dovecot's dotlock ({@code Subscriptions}). A name the mailbox
 *       already has, or has folders below, is refused before anything is written.</li>
 * </ol>
 *
 * <p>Keyword letters in a merge ({@link org.mailsnap.restore.KeywordTranslation}): a letter {@code a}–{@code z}
 * after {@code 2,} stands for a name through the folder's {@code dovecot-keywords}, and the live folder may number
 * its names differently. Each letter is mapped snapshot letter → name → live letter. A name the live folder lacks
 * (or a live folder without a keywords file) cannot be added, since Dovecot owns that file under its lock: the letter
 * is dropped and the result's notes say which keyword was not set on how many messages. System flags and other
 * letters are kept verbatim.
 *
 * <p>A restore can be narrowed to one folder, or to one message by its base or GUID: then only the folders whose
 * manifest holds that message are written (into an empty target with their control files of that moment, so the message keeps
 * its UID and keywords); a base the snapshot lacks is an error before anything is written.
 *
 * <p><b>Never through a link.</b> A root restore writes into directories the mail user owns and can change while it
 * runs, so no path below the target is checked and then used: the target is opened once (following the caller's own
 * path), and every directory below it is opened from its parent's {@link org.mailsnap.fs.DirHandle} with
 * {@code O_NOFOLLOW} (created first with {@code mkdir} in that held parent when missing; {@code TargetDirs}); files are created
 * {@code O_EXCL|O_NOFOLLOW}, given owner and mtime through their own descriptor, and published with {@code link}
 * into {@code cur/} or {@code new/}, which never replaces a name. Why this is race-free, not merely checked: see
 * {@link org.mailsnap.fs}. A link where a folder (or any directory on the way to it) or its {@code cur/ new/ tmp/}
 * should be makes that folder skipped and named in {@link org.mailsnap.restore.RestoreResult#failures()}. Names
 * become paths in two places only: {@link org.mailsnap.restore.TargetPaths} (folders, split into plain names) and
 * {@link org.mailsnap.fs.DirHandle#entry} (one name in a held directory).
 *
 * <p><b>Damage.</b> Content the repository cannot give back (a missing pack, corrupt data, blobs that do not add up
 * to the recorded size) costs that one file: it is named (folder and file) in the failures, nothing is left of it,
 * and the restore goes on; a damaged manifest chunk costs the messages it lists from there on. A failure to write
 * the target (a full disk) stops the restore. {@link org.mailsnap.restore.LiveStore} tells whether a target lies in
 * the store the snapshot was taken of, where only a merge belongs.
 *
 * <p><b>Classes, one job each.</b> {@link org.mailsnap.restore.Restorer} runs the steps; the snapshot walk
 * ({@link org.mailsnap.walk.SnapshotWalker}, shared with dump) selects the folders and streams their manifests;
 * {@code RestoreTarget} checks and opens the target for the mode; {@code FolderRestore} is the walk's output for one
 * folder (its directories, control files, keyword translation); {@code MessagePlanner} decides per message whether
 * and under which name it is written (merge: skip what the mailbox has, avoid a listed base); the writes run on
 * {@link org.mailsnap.concurrent.BoundedWorkers} with its bounded window; {@code RestoreTally} collects counts, notes and failures into
 * the {@link org.mailsnap.restore.RestoreResult}.
 *
 * <p>Every name was checked by {@link org.mailsnap.snapshot.SafeNames} when the tree and manifests were decoded, and
 * is checked once more to be one plain name before it is used. When running as root, what is created takes the
 * owner of the target directory, so the mail server can read it.
 */
package org.mailsnap.restore;
