/**
 * Locking a Maildir folder so that Dovecot leaves it alone while it is listed.
 *
 * <p>Terms: the <em>lock</em> is Dovecot's {@code dovecot-uidlist.lock} dotlock in the folder's control directory,
 * holding {@code <pid>:<hostname>} without a newline. While it is held Dovecot neither moves {@code new/}→{@code cur/},
 * renames for flags, expunges nor rewrites the uidlist; deliveries and folder renames still happen.
 *
 * <p>Modes ({@link org.mailsnap.maildir.lock.LockMode}):
 * <ul>
 *   <li>{@link org.mailsnap.maildir.lock.DovecotDotLocker}: our own dotlock. Create with {@code O_EXCL}; give it to
 *       the folder's owner when root; touch every 10 s; on release delete it only if it is still the same file with
 *       our content. A waiter breaks a lock of a dead pid on its own host once it is 2 s old, never one of a live
 *       pid on its host, and any other after 120 s without change to the lock file or the uidlist; it gives up
 *       after ~122 s.</li>
 *   <li>{@link org.mailsnap.maildir.lock.MaildirlockHelper}: Dovecot 2.3's helper, trusted only while its child is
 *       seen alive and named in the lock file (it dies at once on Debian 12: bug 932253).</li>
 *   <li>{@link org.mailsnap.maildir.lock.FolderLocker#none()}: a filesystem snapshot needs no lock.</li>
 * </ul>
 * The host name we write is the real one unless Dovecot cannot see our pids (another pid namespace), see
 * {@link org.mailsnap.maildir.lock.PidNamespacePolicy}.
 */
package org.mailsnap.maildir.lock;
