/**
 * Dump: one folder of a snapshot as a single file for a user who wants their mail ({@code mailsnap dump}).
 *
 * <p>What a user needs: {@link org.mailsnap.dump.FolderDump} (pick the folder, pick the
 * {@link org.mailsnap.dump.DumpFormat}), or the writers themselves:
 * <ul>
 *   <li>{@link org.mailsnap.dump.MboxWriter}: mboxrd. Each message after a {@code From <sender> <date>} line, lines
 *       matching {@code ^>*From } quoted with one more {@code >}, bytes otherwise as stored (CRLF is not
 *       converted).</li>
 *   <li>{@link org.mailsnap.dump.MaildirTarWriter}: a POSIX tar (ustar, pax headers for long or non-ASCII names,
 *       sub-second mtimes, huge sizes) that extracts to a Maildir: {@code cur/ new/ tmp/}, the message files under
 *       their names of that moment with their mtimes, and the folder's control files.</li>
 * </ul>
 *
 * <p>Both are outputs of the one snapshot walk ({@link org.mailsnap.walk}, which also finds the folder and names the
 * mailbox's folders when it has no such one), and stream: the folder's tree entry → its manifest, one chunk at a time → each message's blobs, one at a
 * time → the output stream. Memory does not grow with the folder or the message. A message whose blobs do not add
 * up to the size its manifest records stops the dump with an error naming it.
 *
 * <p>To a file, {@link org.mailsnap.dump.OutputFile}: the dump goes to a temporary file beside it and is renamed into
 * place only when complete, so a dump that fails leaves nothing behind; a symbolic link at the file's name is
 * refused, never followed.
 */
package org.mailsnap.dump;
