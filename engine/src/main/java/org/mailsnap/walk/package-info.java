/**
 * One walk over a snapshot for every command that reads folders and messages out of it: restore, dump, diff's
 * and ls's message lists.
 *
 * <ol>
 *   <li><b>Select</b> ({@link org.mailsnap.walk.SnapshotWalker#select}): read the tree chunk by chunk and keep the
 *       folders the {@link org.mailsnap.walk.Selection} holds (a mailbox, a folder, or all). With one message
 *       selected (its base or its Dovecot GUID), read those folders' manifests and keep the ones that list it.
 *       Nothing selected is an error that says what the snapshot has instead: its first mailboxes, or the
 *       mailbox's folders. {@link org.mailsnap.walk.SnapshotWalker#holds} asks the same question by the same rule
 *       without the error (restore, before it looks for a message in the deleted-mail ledger), and the ledger's
 *       entries are selected by the same {@code Selection}.</li>
 *   <li><b>Walk</b> ({@link org.mailsnap.walk.SnapshotWalker#walkFolder}): per folder, stream the folder's manifest
 *       one chunk at a time, hand each selected placement to its {@link org.mailsnap.walk.FolderOutput}, then end
 *       it. A manifest chunk the repository cannot give back goes to the output's {@code manifestUnreadable}: a
 *       restore names it and goes on, a dump stops.</li>
 * </ol>
 *
 * <p>The outputs are the restore's target directory ({@code restore.FolderRestore}), an mbox
 * ({@code dump.MboxWriter}) and a Maildir tar ({@code dump.MaildirTarWriter}): the model is kopia's
 * {@code snapshot/restore} {@code Output}, one walk for filesystem, tar and zip. Memory: one tree or manifest chunk
 * at a time, and the selected folders' entries (their chunk ids, not their messages).
 *
 * <p>{@link org.mailsnap.walk.CapturedKeywords} reads a folder's {@code dovecot-keywords} as captured, which says what
 * its keyword letters meant at that moment.
 */
package org.mailsnap.walk;
