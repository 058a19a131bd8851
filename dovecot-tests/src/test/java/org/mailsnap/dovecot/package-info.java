/**
 * A private, real Dovecot for tests: the fixture the Dovecot scenarios build on.
 *
 * <p>Terms. The <em>server</em> ({@link org.mailsnap.dovecot.DovecotServer}) is one Dovecot master started by the
 * test JVM (which runs as root) from a configuration generated into a fresh <em>base directory</em>; nothing under
 * {@code /etc} is read or written. The <em>mail user</em> {@code mailsnap-mail} is the unprivileged system user that
 * owns every mail tree (Dovecot refuses uid 0 for mail processes); {@code .ci/install-deps.sh} creates it and
 * installs Debian's {@code dovecot-imapd} and {@code dovecot-lmtpd}. A <em>test user</em> is any IMAP login name: a
 * static passdb accepts {@link org.mailsnap.dovecot.DovecotServer#PASSWORD} for every name, and a static userdb maps
 * every name to the mail user and the Maildir++ tree {@code <base>/mail/<name>/}.
 *
 * <p>Lifecycle, per test class:
 * <ol>
 *   <li>{@code DovecotServer.start()} finds the binaries (failing with a pointer to {@code .ci/install-deps.sh} when
 *       they are missing), picks free loopback ports, writes {@code conf/dovecot.conf}, runs {@code dovecot -F -c
 *       conf} as a child process and waits until both IMAP and LMTP greet (bounded deadline; the log tail goes into
 *       the exception when it does not come up);</li>
 *   <li>tests talk to it as clients do: {@link org.mailsnap.dovecot.ImapSession} (Angus Mail) for IMAP,
 *       {@code deliver} over LMTP, {@code doveadm} for the server's own view; {@code awaitImapCommand} waits until
 *       Dovecot's process title shows a command running (for instance blocked on {@code dovecot-uidlist.lock},
 *       which {@code UidlistLockFile} takes the way Dovecot's dotlocks are taken);</li>
 *   <li>{@code stop()} runs {@code doveadm stop} and waits for the master and every process it had forked to exit;
 *       {@code assertLogClean()} then checks the complete log (with what doveadm wrote to stderr);
 *       {@code close()} stops and deletes the base directory.</li>
 * </ol>
 *
 * <p>Public surface: {@code DovecotServer}, {@code ImapSession}, {@code FetchedMessage}, {@code FolderStatus}.
 * Test helpers for this package: {@code MaildirFiles} (files of a folder, bases, inodes), {@code TestMessages},
 * {@code UidlistLockFile}.
 *
 * <p>Scenarios of mailsnap against this server (issue 5). {@code DovecotBackups} backs up the server's mail root
 * (each user directory is one mailbox) into a real repository with a real lock ({@code --lock dovecot} unless a
 * test passes another), and {@code SnapshotContents} reads a snapshot back per IMAP folder (Message-ID markers,
 * flags with keywords resolved). {@code ConcurrentActivityBackupTest} runs {@code ImapClientActivity} clients and
 * LMTP deliveries against back-to-back backups and judges every snapshot with {@code SnapshotOracle} over the
 * {@code ActivityLog}: a change logged with the interval in which the server made it, a backup bracketed by the
 * interval in which it held the locks. {@code PointInTimeRestoreTest}, {@code MergeRestoreLiveTest},
 * {@code BackupLockEtiquetteTest} (with {@code LockHolderMain}, a separate JVM killed while it holds a lock),
 * {@code MaildirlockModeTest}, {@code ChangeBetweenListingAndReadingTest} and {@code FindKeywordsLiveTest} (keywords
 * set over IMAP found by name) cover the rest.
 *
 * <p>Identity by Dovecot's GUID (issue 11): Dovecot gives a message a new base when it is moved back into a folder
 * whose uidlist still knows its base, and keeps its GUID in the record's {@code G} extension. {@code DovecotGuids}
 * reads GUIDs the server's way ({@code doveadm fetch guid}) and the uidlist's way; {@code DovecotView} records a
 * mailbox per marker with UID, GUID, flags and body and fails on any duplicate marker or GUID.
 * {@code RebasedMoveBackupTest} checks that one such move is a rename for the backup (no file opened, no message
 * blob, one search-index history); {@code MoveBackAndForthTest} runs {@code MovingClient}s moving messages back and
 * forth across back-to-back backups, then merges the last snapshot after live expunges (no duplicate, nothing in
 * Dovecot's log) and restores a later one for a new user (same UIDs and GUIDs).
 */
package org.mailsnap.dovecot;
