package org.mailsnap.dovecot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.InterruptedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.mailsnap.backup.BackupProblem;
import org.mailsnap.backup.BackupResult;
import org.mailsnap.maildir.CaptureObserver;
import org.mailsnap.maildir.CapturedMailbox;
import org.mailsnap.maildir.MailFolder;
import org.mailsnap.maildir.Mailbox;
import org.mailsnap.maildir.MailboxCapture;
import org.mailsnap.maildir.MailboxFinder;
import org.mailsnap.maildir.MessageFiles;
import org.mailsnap.maildir.StoreLayout;
import org.mailsnap.maildir.lock.DotLockSettings;
import org.mailsnap.maildir.lock.DovecotDotLocker;
import org.mailsnap.maildir.lock.LockMode;
import org.mailsnap.maildir.lock.TouchScheduler;

/**
 * How mailsnap's {@code --lock dovecot} behaves towards a running Dovecot, shown with real IMAP clients:
 * <ol>
 *   <li>while a capture holds the folder locks (paused inside its listing by a latch), an IMAP STORE waits, and
 *       completes once the capture has released them;</li>
 *   <li>the locks are held only while listing: they exist during the listing, none exists while message files
 *       are read or after the run, and the run reports its hold time;</li>
 *   <li>a mailsnap process killed with SIGKILL while holding a lock blocks Dovecot only for a few seconds (Dovecot
 *       breaks a lock whose pid is dead on this host);</li>
 *   <li>a lock held by a live Dovecot-side process makes the backup wait, then give up on that mailbox with a clear
 *       problem line naming the mailbox and the holder, while the other mailboxes are backed up.</li>
 * </ol>
 */
class BackupLockEtiquetteTest extends LiveDovecotTest {

    /** Long enough to show that a command is waiting, far below Dovecot's 120 s stale-lock limit. */
    private static final long STILL_WAITING_SECONDS = 2;

    private static final long COMPLETES_SECONDS = 30;
    /** "A few seconds": Dovecot breaks a dead pid's lock after about 2 s; leave room for a loaded machine. */
    private static final Duration DEAD_HOLDER_LIMIT = Duration.ofSeconds(10);

    private ExecutorService threads;

    @TempDir
    Path tmp;

    @BeforeEach
    void startThreads() {
        threads = Executors.newCachedThreadPool();
    }

    @AfterEach
    void stopThreads() {
        threads.shutdownNow();
    }

    /**
     * A flag, and a keyword new to the folder: Dovecot gives a keyword its letter only while it holds the uidlist lock
     * (a sync that only tries the lock drops it), so a STORE of one must wait for mailsnap's listing too, not lose it.
     */
    @ParameterizedTest
    @CsvSource({"alma, \\Seen, S", "alba, $Holiday, a"})
    void aStoreWaitsWhileACaptureListsAndCompletesAfterItReleases(String user, String flag, String suffix)
            throws Exception {
        try (ImapSession imap = dovecot.imapSession(user);
                ImapSession other = dovecot.imapSession(user)) {
            long uid = imap.append("INBOX", TestMessages.message("alma-1"));
            imap.select("INBOX");
            other.select("INBOX"); // selecting syncs, which would itself wait for the lock: do it before
            Path before = MaildirFiles.onlyMessage(dovecot.mailDir(user));
            Mailbox mailbox = mailbox(user);
            CountDownLatch listing = new CountDownLatch(1);
            CountDownLatch finishListing = new CountDownLatch(1);
            CaptureObserver pauseInInbox = new CaptureObserver() {
                @Override
                public void directoryListed(MailFolder folder, String subdir) throws IOException {
                    if (folder.key().folder().isEmpty() && subdir.equals("new")) {
                        listing.countDown();
                        await(finishListing);
                    }
                }
            };
            MailboxCapture capture = new MailboxCapture(
                    LockMode.DOVECOT.defaultLocker(), Clock.systemUTC(), Duration.ofSeconds(1), pauseInInbox);

            Path lockFile = dovecot.mailDir(user).resolve(DovecotDotLocker.LOCK_FILE);
            Future<CapturedMailbox> captured = threads.submit(() -> capture.capture(mailbox, Map.of()));
            Future<Integer> store;
            try {
                assertTrue(listing.await(COMPLETES_SECONDS, TimeUnit.SECONDS), "the capture reached its listing");
                assertEquals(
                        ProcessHandle.current().pid() + ":" + UidlistLockFile.hostname(),
                        Files.readString(lockFile),
                        "mailsnap's lock, as Dovecot writes its own");
                store = threads.submit(() -> other.addFlags("INBOX", uid, flag));
                dovecot.awaitImapCommand(user, "STORE", Duration.ofSeconds(COMPLETES_SECONDS));
                assertThrows(
                        TimeoutException.class,
                        () -> store.get(STILL_WAITING_SECONDS, TimeUnit.SECONDS),
                        "STORE must wait while mailsnap lists");
                assertEquals(before, MaildirFiles.onlyMessage(dovecot.mailDir(user)), "no flag rename while listing");
            } finally {
                finishListing.countDown(); // also when an assertion failed: the capture must not wait for nothing
            }
            CapturedMailbox result = captured.get(COMPLETES_SECONDS, TimeUnit.SECONDS);
            long releasedAt = System.nanoTime();
            assertEquals(1, store.get(COMPLETES_SECONDS, TimeUnit.SECONDS), "one STORE, answered with " + flag);
            System.out.printf(
                    "STORE completed %d ms after the capture released; lock held %d ms%n",
                    (System.nanoTime() - releasedAt) / 1_000_000, result.lockHoldNanos() / 1_000_000);

            assertEquals(
                    List.of(before.getFileName().toString()),
                    result.folders().get(0).curNames(),
                    "the listing shows the state before the STORE");
            assertEquals(
                    MaildirFiles.base(before) + ":2," + suffix,
                    MaildirFiles.onlyMessage(dovecot.mailDir(user))
                            .getFileName()
                            .toString());
            assertFalse(Files.exists(lockFile));
        }
    }

    @Test
    void theLocksAreHeldOnlyWhileListing() throws Exception {
        String user = "bert";
        try (ImapSession imap = dovecot.imapSession(user);
                DovecotBackups backups = new DovecotBackups(
                        tmp.resolve("backup"), dovecot.mailDir(user).getParent())) {
            imap.create("Archive");
            for (int i = 0; i < 20; i++) {
                imap.append(i % 2 == 0 ? "INBOX" : "Archive", TestMessages.message("bert-" + i, "x".repeat(5000)));
            }
            Mailbox mailbox = mailbox(user);
            List<Path> lockFiles = mailbox.folders().stream()
                    .map(f -> f.dir().resolve(DovecotDotLocker.LOCK_FILE))
                    .toList();
            AtomicInteger listedLocked = new AtomicInteger();
            CaptureObserver lockedWhileListing = new CaptureObserver() {
                @Override
                public void folderListed(MailFolder folder) {
                    if (lockFiles.stream().allMatch(Files::exists)) {
                        listedLocked.incrementAndGet();
                    }
                }
            };
            long began = System.nanoTime();
            CapturedMailbox captured = new MailboxCapture(
                            LockMode.DOVECOT.defaultLocker(),
                            Clock.systemUTC(),
                            Duration.ofSeconds(1),
                            lockedWhileListing)
                    .capture(mailbox, Map.of());
            long took = System.nanoTime() - began;

            assertEquals(2, listedLocked.get(), "every folder was listed while every lock of the mailbox existed");
            assertTrue(lockFiles.stream().noneMatch(Files::exists), "no lock left once the capture returned");
            assertTrue(
                    captured.lockHoldNanos() > 0 && captured.lockHoldNanos() <= took,
                    "hold time " + captured.lockHoldNanos() + " ns within the capture's " + took + " ns");

            AtomicInteger readsUnderLock = new AtomicInteger();
            AtomicInteger reads = new AtomicInteger();
            MessageFiles checkingNoLock = new MessageFiles() {
                @Override
                public InputStream open(Path file) throws IOException {
                    reads.incrementAndGet();
                    if (lockFiles.stream().anyMatch(Files::exists)) {
                        readsUnderLock.incrementAndGet();
                    }
                    return MessageFiles.real().open(file);
                }

                @Override
                public BasicFileAttributes stat(Path file) throws IOException {
                    return MessageFiles.real().stat(file);
                }
            };
            BackupResult result = backups.backup(LockMode.DOVECOT.defaultLocker(), checkingNoLock);

            assertFalse(result.partial(), result.problems().toString());
            assertTrue(reads.get() >= 20, "the backup read the messages: " + reads.get());
            assertEquals(0, readsUnderLock.get(), "no message file is read while a lock is held");
            assertTrue(lockFiles.stream().noneMatch(Files::exists), "no lock left after the backup");
            var stats = result.snapshot().stats();
            System.out.printf(
                    "backup of %s: lock held %.1f ms (max per mailbox %.1f ms) of a %.1f ms run%n",
                    user,
                    stats.lockHoldTotalNanos() / 1e6,
                    stats.lockHoldMaxNanos() / 1e6,
                    stats.durationNanos() / 1e6);
            assertTrue(stats.lockHoldMaxNanos() > 0, "the run reports its lock hold time");
            assertTrue(stats.lockHoldTotalNanos() < stats.durationNanos(), "the lock is not held for the whole run");
        }
    }

    @Test
    void aKilledLockHolderBlocksDovecotOnlyForAFewSeconds() throws Exception {
        String user = "cleo";
        try (ImapSession imap = dovecot.imapSession(user)) {
            long uid = imap.append("INBOX", TestMessages.message("cleo-1"));
            imap.select("INBOX");
            Path inbox = dovecot.mailDir(user);
            Process holder = startLockHolder(inbox);
            try {
                String line = firstLine(holder, Duration.ofSeconds(COMPLETES_SECONDS));
                assertEquals("locked " + holder.pid(), line, "the holder process took the lock");
                assertEquals(
                        holder.pid() + ":" + UidlistLockFile.hostname(),
                        Files.readString(inbox.resolve(DovecotDotLocker.LOCK_FILE)));

                Future<?> store = threads.submit(() -> {
                    imap.addFlags("INBOX", uid, "\\Flagged");
                    return null;
                });
                dovecot.awaitImapCommand(user, "STORE", Duration.ofSeconds(COMPLETES_SECONDS));
                assertThrows(
                        TimeoutException.class,
                        () -> store.get(STILL_WAITING_SECONDS, TimeUnit.SECONDS),
                        "STORE waits while the holder lives");

                holder.destroyForcibly(); // SIGKILL: no chance to remove the lock file
                assertTrue(holder.waitFor(COMPLETES_SECONDS, TimeUnit.SECONDS));
                long killedAt = System.nanoTime();
                store.get(DEAD_HOLDER_LIMIT.toMillis(), TimeUnit.MILLISECONDS);
                long blockedMillis = (System.nanoTime() - killedAt) / 1_000_000;
                System.out.println("STORE completed " + blockedMillis + " ms after the lock holder was killed");

                assertEquals(
                        MaildirFiles.base(MaildirFiles.onlyMessage(inbox)) + ":2,F",
                        MaildirFiles.onlyMessage(inbox).getFileName().toString());
                assertFalse(Files.exists(inbox.resolve(DovecotDotLocker.LOCK_FILE)), "Dovecot broke the dead lock");
            } finally {
                holder.destroyForcibly();
                holder.waitFor(COMPLETES_SECONDS, TimeUnit.SECONDS);
            }
        }
    }

    @Test
    void aLockHeldByALiveProcessMakesThatMailboxFailClearlyAndTheOthersAreBackedUp() throws Exception {
        try (ImapSession dora = dovecot.imapSession("dora");
                ImapSession ben = dovecot.imapSession("ben");
                DovecotBackups backups = new DovecotBackups(
                        tmp.resolve("backup"), dovecot.mailDir("dora").getParent())) {
            dora.append("INBOX", TestMessages.message("dora-1"));
            ben.append("INBOX", TestMessages.message("ben-1"));
            ben.append("INBOX", TestMessages.message("ben-2"));
            Duration wait = Duration.ofSeconds(2);
            DovecotDotLocker impatient = new DovecotDotLocker(
                    DotLockSettings.dovecotDefaults().withWaitTimeout(wait),
                    Clock.systemUTC(),
                    TouchScheduler.daemon());

            BackupResult result;
            long took;
            try (UidlistLockFile held = UidlistLockFile.take(dovecot.mailDir("dora"), mailUser())) {
                long began = System.nanoTime();
                result = backups.backup(impatient);
                took = System.nanoTime() - began;
                assertTrue(held.isHeld(), "mailsnap must not break a live holder's lock");

                assertTrue(result.partial(), "a mailbox was not backed up: the run is partial");
                assertEquals(List.of("dora"), result.snapshot().stats().failedMailboxes());
                String problem = result.problems().stream()
                        .filter(p -> p instanceof BackupProblem.MailboxNotBackedUp m
                                && m.mailbox().equals("dora"))
                        .map(BackupProblem::message)
                        .findFirst()
                        .orElseThrow(() -> new AssertionError("no problem line for dora: " + result.problems()));
                System.out.println("problem reported: " + problem);
                assertTrue(
                        problem.contains("timed out waiting for the lock") && problem.contains(held.content()),
                        "the problem names the wait and the holder " + held.content() + ": " + problem);
                assertTrue(took >= wait.toNanos(), "mailsnap waited " + took / 1_000_000 + " ms for the lock");
            }
            assertEquals(
                    Map.of("ben-1", 1, "ben-2", 1),
                    backups.contents(result, "ben").markerCounts("INBOX"));
            assertTrue(
                    backups.contents(result, "dora").folders().isEmpty(),
                    "dora had no earlier snapshot, so this one has nothing of hers");
        }
    }

    private static Mailbox mailbox(String user) throws IOException {
        Path store = dovecot.mailDir(user).getParent();
        return new MailboxFinder(StoreLayout.MAILDIR_PLUS_PLUS).mailboxAt(store, dovecot.mailDir(user));
    }

    private static MailUser mailUser() {
        return new MailUser(MailUser.DEFAULT_NAME, dovecot.mailUid(), dovecot.mailGid());
    }

    private static Process startLockHolder(Path folderDir) throws IOException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        List<String> command = new ArrayList<>(List.of(
                java.toString(),
                "-Xmx64m",
                "--add-opens",
                "java.base/sun.nio.fs=ALL-UNNAMED", // FileNames: names as bytes
                "-cp",
                System.getProperty("java.class.path"),
                LockHolderMain.class.getName(),
                folderDir.toString()));
        return new ProcessBuilder(command)
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
    }

    /** The process's first line of output, or a failure naming what it said when it does not come in time. */
    private String firstLine(Process process, Duration timeout) throws Exception {
        BufferedReader out =
                new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        Future<String> line = threads.submit(out::readLine);
        try {
            return line.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException slow) {
            throw new AssertionError(
                    "the lock holder printed nothing within " + timeout + " (alive: " + process.isAlive() + ")");
        }
    }

    private static void await(CountDownLatch latch) throws IOException {
        try {
            if (!latch.await(COMPLETES_SECONDS, TimeUnit.SECONDS)) {
                throw new IOException("the test did not let the capture go on within " + COMPLETES_SECONDS + " s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while paused in the listing");
        }
    }
}
