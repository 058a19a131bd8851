package org.mailsnap.maildir;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mailsnap.maildir.Maildirs.folder;
import static org.mailsnap.maildir.Maildirs.maildir;
import static org.mailsnap.maildir.Maildirs.message;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mailsnap.maildir.lock.DotLockSettings;
import org.mailsnap.maildir.lock.DovecotDotLocker;
import org.mailsnap.maildir.lock.FolderLock;
import org.mailsnap.maildir.lock.FolderLocker;
import org.mailsnap.maildir.lock.LockIdentity;
import org.mailsnap.maildir.lock.LockNotHeldException;
import org.mailsnap.maildir.lock.LockTimeoutException;
import org.mailsnap.maildir.lock.MaildirlockHelper;
import org.mailsnap.maildir.lock.PidNamespacePolicy;
import org.mailsnap.maildir.lock.TouchScheduler;
import org.mailsnap.model.FolderKey;

class MailboxCaptureTest {
    private static final LockIdentity US = LockIdentity.ofThisProcess(PidNamespacePolicy.SHARED);
    private static final String LOCK = "dovecot-uidlist.lock";

    @TempDir
    Path store;

    Path root;
    Path sent;
    Path trash;
    Mailbox mailbox;

    /** Counts locks taken through the real dotlock. */
    static final class CountingLocker implements FolderLocker {
        final FolderLocker real;
        final AtomicInteger locks = new AtomicInteger();

        CountingLocker(FolderLocker real) {
            this.real = real;
        }

        @Override
        public FolderLock lock(FolderKey folder, Path controlDir) throws IOException {
            locks.incrementAndGet();
            return real.lock(folder, controlDir);
        }
    }

    @BeforeEach
    void createMailbox() throws IOException {
        root = maildir(store.resolve("alice"));
        sent = folder(root, ".Sent");
        trash = folder(root, ".Trash");
        message(root, "new", "1700000003.M1P1.vm,S=10,W=11");
        message(root, "cur", "1700000001.M1P1.vm,S=10,W=11:2,S");
        message(root, "cur", "1700000002.M1P1.vm,S=10,W=11:2,FRSab");
        message(root, "cur", ".nfs000dotfile");
        message(sent, "cur", "1700000010.M1P1.vm:2,S");
        Files.writeString(root.resolve("dovecot-uidlist"), "3 V1700000000 N3\n1 :1700000001.M1P1.vm,S=10,W=11\n");
        Files.writeString(root.resolve("dovecot-keywords"), "0 $Junk\n1 work\n");
        Files.writeString(root.resolve("subscriptions"), "V\t2\n\nSent\n");
        Files.writeString(root.resolve("dovecot-uidvalidity"), "6a8f3c21");
        Files.writeString(root.resolve("dovecot-uidvalidity.6a8f3c21"), "");
        Files.write(root.resolve("dovecot.index.log"), new byte[] {1, 2, 3});
        Files.write(root.resolve("maildirsize"), new byte[] {1});
        Files.writeString(sent.resolve("dovecot-uidlist"), "3 V1700000001 N2\n1 :1700000010.M1P1.vm\n");
        mailbox = new MailboxFinder(StoreLayout.MAILDIR_PLUS_PLUS).find(store).get(0);
        assertEquals(3, mailbox.folders().size());
    }

    /** The mailbox as a new run's finder finds it, with the mtimes of its folders as they are now. */
    private Mailbox found() throws IOException {
        return new MailboxFinder(StoreLayout.MAILDIR_PLUS_PLUS).find(store).get(0);
    }

    private static DovecotDotLocker dotlock(Duration waitTimeout) {
        return new DovecotDotLocker(
                DotLockSettings.dovecotDefaults(US).withWaitTimeout(waitTimeout),
                Clock.systemUTC(),
                TouchScheduler.daemon());
    }

    private static MailboxCapture capture(FolderLocker locker, CaptureObserver observer) {
        return new MailboxCapture(locker, Clock.systemUTC(), Duration.ofSeconds(1), observer);
    }

    private static CapturedFolder folderOf(CapturedMailbox captured, String folder) {
        return captured.folders().stream()
                .filter(f -> f.key().folder().equals(folder))
                .findFirst()
                .orElseThrow();
    }

    private static Map<FolderKey, PreviousFolderState> statesOf(CapturedMailbox captured) {
        Map<FolderKey, PreviousFolderState> states = new HashMap<>();
        captured.folders()
                .forEach(f -> states.put(
                        f.key(),
                        new PreviousFolderState(f.newDirMtimeNanos(), f.curDirMtimeNanos(), f.listedAtNanos())));
        return states;
    }

    /** Sets the mtimes of every folder's new/ and cur/ (explicitly, not by waiting). */
    private void setDirMtimes(Instant when) throws IOException {
        for (MailFolder folder : mailbox.folders()) {
            Files.setLastModifiedTime(folder.newDir(), FileTime.from(when));
            Files.setLastModifiedTime(folder.curDir(), FileTime.from(when));
        }
    }

    private List<Path> lockFiles() throws IOException {
        try (Stream<Path> files = Files.walk(store)) {
            return files.filter(p -> p.getFileName().toString().equals(LOCK)).toList();
        }
    }

    @Test
    void foldersNeverListedAreReadOnceWithoutALockBeforeAnyLockIsTaken() throws IOException {
        List<String> events = new ArrayList<>();
        FolderLocker locker = (folder, dir) -> {
            events.add("lock " + folder.folder());
            return FolderLocker.none().lock(folder, dir);
        };
        CaptureObserver recorder = new CaptureObserver() {
            @Override
            public void folderWarmed(MailFolder folder) {
                events.add("warm " + folder.key().folder());
            }
        };
        CapturedMailbox first = capture(locker, recorder).capture(mailbox, Map.of());

        assertEquals(List.of("warm ", "warm .Sent", "warm .Trash", "lock ", "lock .Sent", "lock .Trash"), events);

        // a new folder, and new mail in a known one: only the new folder is read before the locks
        events.clear();
        Path archive = folder(root, ".Archive");
        message(archive, "cur", "1700000020.M1P1.vm:2,S");
        message(sent, "new", "1700000011.M1P1.vm");
        Files.setLastModifiedTime(
                sent.resolve("new"), FileTime.from(Instant.now().plusSeconds(5)));
        Map<FolderKey, PreviousFolderState> known = statesOf(first);
        CapturedMailbox second = capture(locker, recorder).capture(found(), known);

        assertEquals(List.of("warm .Archive", "lock ", "lock .Archive", "lock .Sent", "lock .Trash"), events);
        assertEquals(
                List.of("1700000020.M1P1.vm:2,S"), folderOf(second, ".Archive").curNames());
        assertEquals(List.of("1700000011.M1P1.vm"), folderOf(second, ".Sent").newNames());
    }

    @Test
    void firstCaptureListsEveryFolderNewBeforeCurWithControlFiles() throws IOException {
        List<String> order = new ArrayList<>();
        CaptureObserver recorder = new CaptureObserver() {
            @Override
            public void directoryListed(MailFolder folder, String subdir) {
                order.add(folder.key().folder() + "/" + subdir);
            }
        };

        CapturedMailbox captured =
                capture(dotlock(Duration.ofSeconds(5)), recorder).capture(mailbox, Map.of());

        assertEquals(List.of("/new", "/cur", ".Sent/new", ".Sent/cur", ".Trash/new", ".Trash/cur"), order);
        assertEquals("alice", captured.mailbox());
        CapturedFolder inbox = folderOf(captured, "");
        assertTrue(inbox.listed());
        assertEquals(List.of("1700000003.M1P1.vm,S=10,W=11"), inbox.newNames());
        assertEquals(
                Set.of("1700000001.M1P1.vm,S=10,W=11:2,S", "1700000002.M1P1.vm,S=10,W=11:2,FRSab"),
                Set.copyOf(inbox.curNames()),
                "the dot-file is left out");
        assertEquals(
                Set.of("dovecot-uidlist", "dovecot-keywords"),
                inbox.controlFiles().keySet());
        assertArrayEquals(
                Files.readAllBytes(root.resolve("dovecot-uidlist")),
                inbox.controlFiles().get("dovecot-uidlist"));
        assertEquals(
                Set.of("dovecot-uidlist", "maildirfolder"),
                folderOf(captured, ".Sent").controlFiles().keySet());
        assertEquals(
                Set.of("subscriptions", "dovecot-uidvalidity", "dovecot-uidvalidity.6a8f3c21"),
                captured.mailboxControlFiles().keySet());
        assertEquals(Files.getLastModifiedTime(root.resolve("cur")).to(TimeUnit.NANOSECONDS), inbox.curDirMtimeNanos());
        assertTrue(captured.problems().isEmpty(), captured.problems().toString());
        assertTrue(captured.lockHoldNanos() > 0);
        assertEquals(List.of(), lockFiles(), "every lock released");
    }

    @Test
    void aMessageMovingFromNewToCurDuringTheListingIsSeenAtLeastOnce() throws IOException {
        String moving = "1700000003.M1P1.vm,S=10,W=11";
        CaptureObserver mover = new CaptureObserver() {
            @Override
            public void directoryListed(MailFolder folder, String subdir) throws IOException {
                if (folder.key().folder().isEmpty() && subdir.equals("new")) {
                    Files.move(folder.newDir().resolve(moving), folder.curDir().resolve(moving + ":2,S"));
                }
            }
        };

        CapturedFolder inbox =
                folderOf(capture(dotlock(Duration.ofSeconds(5)), mover).capture(mailbox, Map.of()), "");

        assertTrue(inbox.newNames().contains(moving));
        assertTrue(inbox.curNames().contains(moving + ":2,S"));
    }

    @Test
    void unchangedFoldersAreSkippedWithoutALockAndAChangeLocksTheWholeMailbox() throws IOException {
        setDirMtimes(Instant.now().minusSeconds(60));
        CountingLocker locker = new CountingLocker(dotlock(Duration.ofSeconds(5)));
        MailboxCapture capture = capture(locker, CaptureObserver.NONE);
        CapturedMailbox first = capture.capture(found(), Map.of());
        assertEquals(3, locker.locks.get());

        CapturedMailbox second = capture.capture(found(), statesOf(first));

        assertEquals(3, locker.locks.get(), "nothing changed: no lock taken");
        assertTrue(second.folders().stream().noneMatch(CapturedFolder::listed));
        assertEquals(0, second.lockHoldNanos());
        assertEquals(3, second.folders().size());
        assertEquals(
                first.folders().get(1).curDirMtimeNanos(),
                second.folders().get(1).curDirMtimeNanos());
        assertTrue(second.folders().stream()
                .allMatch(f -> f.newNames().isEmpty() && f.curNames().isEmpty()));

        message(sent, "new", "1700000099.M9P9.vm");
        CapturedMailbox third = capture.capture(found(), statesOf(second));

        assertEquals(6, locker.locks.get(), "one changed folder locks every folder of the mailbox");
        assertTrue(folderOf(third, ".Sent").listed());
        assertEquals(List.of("1700000099.M9P9.vm"), folderOf(third, ".Sent").newNames());
        assertFalse(folderOf(third, "").listed());
        assertFalse(folderOf(third, ".Trash").listed());
    }

    @Test
    void sameSecondGuardListsAFolderWhoseMtimeIsTooCloseToThePreviousListing() throws IOException {
        Instant mtime = Instant.parse("2024-05-06T07:08:09Z");
        setDirMtimes(mtime);
        long mtimeNanos = TimeUnit.SECONDS.toNanos(mtime.getEpochSecond());
        CountingLocker locker = new CountingLocker(dotlock(Duration.ofSeconds(5)));
        MailboxCapture capture = capture(locker, CaptureObserver.NONE);
        Map<FolderKey, PreviousFolderState> tooClose = new HashMap<>();
        Map<FolderKey, PreviousFolderState> settled = new HashMap<>();
        for (MailFolder folder : mailbox.folders()) {
            tooClose.put(folder.key(), new PreviousFolderState(mtimeNanos, mtimeNanos, mtimeNanos + 500_000_000L));
            settled.put(folder.key(), new PreviousFolderState(mtimeNanos, mtimeNanos, mtimeNanos + 1_500_000_000L));
        }

        CapturedMailbox guarded = capture.capture(found(), tooClose);
        assertTrue(
                guarded.folders().stream().allMatch(CapturedFolder::listed),
                "a change in the same second as the last listing would not move the mtime: list again");
        assertEquals(3, locker.locks.get());

        CapturedMailbox skipped = capture.capture(found(), settled);
        assertTrue(skipped.folders().stream().noneMatch(CapturedFolder::listed));
        assertEquals(3, locker.locks.get());

        Map<FolderKey, PreviousFolderState> oneChanged = new HashMap<>(settled);
        oneChanged.put(
                new FolderKey("alice", ".Trash"),
                new PreviousFolderState(mtimeNanos, mtimeNanos - 1, mtimeNanos + 1_500_000_000L));
        CapturedMailbox changed = capture.capture(found(), oneChanged);
        assertTrue(folderOf(changed, ".Trash").listed(), "a different cur/ mtime means a change");
        assertFalse(folderOf(changed, ".Sent").listed());
    }

    @Test
    void theMtimesTheFinderSawStandForTheFoldersUntilTheNextFind() throws IOException {
        setDirMtimes(Instant.now().minusSeconds(60));
        MailboxCapture capture = capture(FolderLocker.none(), CaptureObserver.NONE);
        Mailbox found = found();
        CapturedMailbox first = capture.capture(found, Map.of());

        message(sent, "new", "1700000099.M9P9.vm"); // after this run's finder looked
        CapturedMailbox sameRun = capture.capture(found, statesOf(first));
        assertTrue(sameRun.folders().stream().noneMatch(CapturedFolder::listed), "the next run's change");

        CapturedMailbox nextRun = capture.capture(found(), statesOf(first));
        assertEquals(List.of("1700000099.M9P9.vm"), folderOf(nextRun, ".Sent").newNames());
    }

    @Test
    void theLockIsHeldOnEveryFolderWhileListing() throws IOException {
        List<String> seen = new ArrayList<>();
        CaptureObserver checker = new CaptureObserver() {
            @Override
            public void folderListed(MailFolder listed) throws IOException {
                for (MailFolder folder : mailbox.folders()) {
                    assertEquals(
                            US.content(),
                            Files.readString(folder.dir().resolve(LOCK)),
                            "while " + listed.key() + " is listed, " + folder.key() + " is locked");
                }
                seen.add(listed.key().folder());
            }
        };
        long started = System.nanoTime();

        CapturedMailbox captured =
                capture(dotlock(Duration.ofSeconds(5)), checker).capture(mailbox, Map.of());

        long elapsed = System.nanoTime() - started;
        assertEquals(List.of("", ".Sent", ".Trash"), seen);
        assertTrue(
                captured.lockHoldNanos() > 0 && captured.lockHoldNanos() <= elapsed,
                "hold " + captured.lockHoldNanos() + " within the call's " + elapsed);
        assertEquals(List.of(), lockFiles());
    }

    @Test
    void aFolderDeletedMidCaptureIsReportedNotFatal() throws IOException {
        CaptureObserver deleter = new CaptureObserver() {
            @Override
            public void folderListed(MailFolder folder) throws IOException {
                if (folder.key().folder().isEmpty()) {
                    deleteTree(trash);
                }
            }
        };

        CapturedMailbox captured =
                capture(dotlock(Duration.ofSeconds(5)), deleter).capture(mailbox, Map.of());

        assertEquals(
                List.of("", ".Sent"),
                captured.folders().stream().map(f -> f.key().folder()).toList());
        assertEquals(1, captured.problems().size());
        CaptureProblem problem = captured.problems().get(0);
        assertEquals(CaptureProblem.Kind.FOLDER_VANISHED, problem.kind());
        assertEquals(new FolderKey("alice", ".Trash"), problem.folder());
        assertTrue(problem.detail().contains(".Trash"), problem.detail());
        assertEquals(List.of(), lockFiles());
    }

    @Test
    void aFolderRenamedBeforeTheCaptureIsReported() throws IOException {
        Files.move(trash, root.resolve(".Bin"));

        CapturedMailbox captured =
                capture(dotlock(Duration.ofSeconds(5)), CaptureObserver.NONE).capture(mailbox, Map.of());

        assertEquals(
                List.of("", ".Sent"),
                captured.folders().stream().map(f -> f.key().folder()).toList());
        assertEquals(
                CaptureProblem.Kind.FOLDER_VANISHED, captured.problems().get(0).kind());
    }

    @Test
    void aCurDirectorySwappedForALinkAfterTheFinderLookedIsReportedAndNotListed() throws IOException {
        Path outside = store.resolveSibling(store.getFileName() + "-outside");
        Path elsewhere = maildir(outside);
        message(elsewhere, "cur", "1799999999.M1P1.vm:2,S");
        Path cur = sent.resolve("cur");
        Files.move(cur, sent.resolve("cur.moved"));
        Files.createSymbolicLink(cur, elsewhere.resolve("cur"));
        try {
            CapturedMailbox captured =
                    capture(FolderLocker.none(), CaptureObserver.NONE).capture(mailbox, Map.of());
            CapturedFolder sentFolder = folderOf(captured, ".Sent");
            assertFalse(sentFolder.listed(), "nothing listed through the link");
            assertEquals(List.of(), sentFolder.curNames());
            assertEquals(1, captured.problems().size(), captured.problems().toString());
            CaptureProblem problem = captured.problems().get(0);
            assertEquals(CaptureProblem.Kind.FOLDER_UNREADABLE, problem.kind());
            assertEquals(cur + " is a symbolic link, not followed; kept the previous listing", problem.detail());
            assertTrue(folderOf(captured, "").listed(), "the other folders are captured");
        } finally {
            Files.delete(cur);
            deleteTree(outside);
        }
    }

    @Test
    void aLockTimeoutFailsTheMailboxAndReleasesWhatWasTaken() throws IOException {
        String holder = ProcessHandle.current().pid() + ":" + US.hostname();
        Files.writeString(sent.resolve(LOCK), holder); // a live holder on our host: never stale

        LockTimeoutException e = assertThrows(
                LockTimeoutException.class,
                () -> capture(dotlock(Duration.ofMillis(300)), CaptureObserver.NONE)
                        .capture(mailbox, Map.of()));

        assertTrue(e.getMessage().contains("alice|.Sent"), e.getMessage());
        assertTrue(e.getMessage().contains(holder), e.getMessage());
        assertFalse(Files.exists(root.resolve(LOCK)), "the INBOX lock taken before is released");
        assertEquals(holder, Files.readString(sent.resolve(LOCK)), "the other's lock is untouched");
    }

    @Test
    void maildirlockModeIsRefusedOnThisDovecot() throws IOException {
        assertTrue(
                Files.isExecutable(MaildirlockHelper.DEFAULT_BINARY),
                "Dovecot must be installed for this test: " + MaildirlockHelper.DEFAULT_BINARY + " is missing");
        MaildirlockHelper helper = new MaildirlockHelper(
                MaildirlockHelper.DEFAULT_BINARY, Duration.ofSeconds(2), Duration.ofMillis(250), Clock.systemUTC());

        LockNotHeldException e = assertThrows(
                LockNotHeldException.class,
                () -> capture(helper, CaptureObserver.NONE).capture(mailbox, Map.of()),
                "never return a listing as protected when the lock holder died");

        assertTrue(e.getMessage().contains("Debian bug 932253"), e.getMessage());
        assertEquals(List.of(), lockFiles());
    }

    @Test
    void noLockModeListsASnapshot() throws IOException {
        CapturedMailbox captured =
                capture(FolderLocker.none(), CaptureObserver.NONE).capture(mailbox, Map.of());
        assertTrue(folderOf(captured, "").listed());
        assertEquals(1, folderOf(captured, ".Sent").curNames().size());
    }

    @Test
    void aMessageRenamedBetweenListingAndReadIsFoundAgainByBase() throws IOException {
        CapturedFolder inbox = folderOf(
                capture(dotlock(Duration.ofSeconds(5)), CaptureObserver.NONE).capture(mailbox, Map.of()), "");
        String listed = "1700000001.M1P1.vm,S=10,W=11:2,S";
        assertTrue(inbox.curNames().contains(listed));
        String base = MaildirName.parse(listed, ':').base();
        Files.move(root.resolve("cur").resolve(listed), root.resolve("cur").resolve(base + ":2,RS")); // flag change
        Files.move(
                root.resolve("new/1700000003.M1P1.vm,S=10,W=11"),
                root.resolve("cur/1700000003.M1P1.vm,S=10,W=11:2,")); // new -> cur
        CountingMessageFiles files = new CountingMessageFiles();

        byte[] body = readByBase(files, root, root.resolve("cur").resolve(listed));
        byte[] moved = readByBase(files, root, root.resolve("new/1700000003.M1P1.vm,S=10,W=11"));

        assertTrue(new String(body, StandardCharsets.UTF_8).contains("body of " + listed));
        assertTrue(new String(moved, StandardCharsets.UTF_8).contains("body of 1700000003"));
        assertEquals(4, files.opens(), "two failed opens, two found again");
        Files.delete(root.resolve("cur").resolve(base + ":2,RS"));
        assertEquals(Optional.empty(), MessageFiles.find(root, base, ':'), "gone everywhere: expunged");
        assertEquals(4, files.opens(), "finding by listing opens no message file");
    }

    @Test
    void findHonoursTheSeparatorSetting() throws IOException {
        Path dir = maildir(store.resolve("mbsync"));
        message(dir, "cur", "1700.R5.host,U=7;2,S");
        message(dir, "cur", "1700.R5.host,U=70;2,S");
        assertEquals(
                Optional.of(dir.resolve("cur/1700.R5.host,U=7;2,S")), MessageFiles.find(dir, "1700.R5.host,U=7", ';'));
        assertEquals(Optional.empty(), MessageFiles.find(dir, "1700.R5.host,U=7", ':'), "with ':' the base is longer");
    }

    /** What the lead's reader does: open the listed file; on ENOENT find it again by its base. */
    private static byte[] readByBase(MessageFiles files, Path folderDir, Path listed) throws IOException {
        try (InputStream in = files.open(listed)) {
            return in.readAllBytes();
        } catch (NoSuchFileException renamed) {
            String base =
                    MaildirName.parse(listed.getFileName().toString(), ':').base();
            Path found = MessageFiles.find(folderDir, base, ':').orElseThrow(() -> renamed);
            try (InputStream in = files.open(found)) {
                return in.readAllBytes();
            }
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
