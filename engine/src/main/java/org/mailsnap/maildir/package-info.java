/**
 * Maildir as Dovecot writes it: names, layout, control files, and the consistent capture of a live mailbox.
 *
 * <p>Terms (see {@code maildir-facts.md}): a <em>store</em> holds mailboxes; a <em>mailbox</em> is a Maildir root
 * ({@code cur/ new/ tmp/}) named by its path relative to the store; its <em>folders</em> are INBOX (the root,
 * folder {@code ""}) and Maildir++ {@code .Name} directories, or nested directories with {@code LAYOUT=fs}. A
 * message file is named {@code <base>[:<info>]}; the <em>base</em> (before the first separator) is its identity,
 * the info ({@code 2,<flags>}) is placement metadata. <em>Control files</em> ({@code dovecot-uidlist},
 * {@code dovecot-keywords}, …) are classified by {@link org.mailsnap.maildir.ControlFiles}.
 *
 * <p>Symbolic links are never followed ({@link org.mailsnap.maildir.MailboxFinder}): nothing outside the store is
 * read. Each link standing where a mailbox, a folder, or a {@code cur/}, {@code new/} or {@code tmp/} could be is
 * reported as one line naming its path in the store, since what is behind it is not backed up; links to files and
 * non-folder names are not reported.
 *
 * <p><em>Unchanged</em> is told by directory mtimes ({@link org.mailsnap.maildir.DirectoryTimes}): a directory
 * whose mtime equals the one seen at a listing, and was older than that listing by more than the timestamp
 * granularity, has gained, lost and renamed no entry since. The finder applies it to a Maildir++ mailbox root: while
 * the root stands, the folders come from the last run's {@link org.mailsnap.maildir.MailboxRootListing} (which the
 * catalog keeps) instead of from reading the root. Each folder found carries the mtimes of its {@code new/} and
 * {@code cur/} ({@link org.mailsnap.maildir.FolderTimes}), taken by the finder's threads.
 *
 * <p>Capture ({@link org.mailsnap.maildir.MailboxCapture}, whose doc gives the steps): a mailbox none of whose
 * folders changed since the previous run (by those mtimes) takes no lock; otherwise every folder is locked and the changed ones are
 * listed with their control files. Bodies are read afterwards through {@link org.mailsnap.maildir.MessageFiles}; a
 * file renamed meanwhile is found again by its base ({@link org.mailsnap.maildir.MessageFiles#find}), or was
 * expunged.
 *
 * <p>Names are bytes: every name read from a directory comes through {@link org.mailsnap.fs.FileNames#nameOf}
 * and every path made from a name through {@link org.mailsnap.fs.FileNames#child}, never
 * through {@code Path.toString()} or {@code Path.resolve(String)}, which depend on the JVM's locale; the strings are
 * {@link org.mailsnap.model.NameBytes} strings, the same bytes in every layer (snapshot, catalog, restore).
 *
 * <p>Users need {@link org.mailsnap.maildir.MailboxFinder}, {@link org.mailsnap.maildir.MailboxCapture},
 * {@link org.mailsnap.maildir.MaildirName} and {@link org.mailsnap.maildir.MessageFiles}; the uidlist and keywords
 * formats are documented on {@link org.mailsnap.maildir.Uidlist} and {@link org.mailsnap.maildir.Keywords}.
 * Control files are read from the folder directory (Dovecot's {@code CONTROL=} setting is not supported).
 */
package org.mailsnap.maildir;
