package org.mailsnap.maildir.lock;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.GroupPrincipal;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.UserPrincipal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mailsnap.model.FolderKey;

class DovecotDotLockTest {
    private static final FolderKey FOLDER = new FolderKey("alice", ".Sent");
    private static final LockIdentity US = LockIdentity.ofThisProcess(PidNamespacePolicy.SHARED);

    @TempDir
    Path dir;

    Path lockFile;
    ManualTouches touches;

    /** Collects touch tasks so a test fires them itself. */
    static final class ManualTouches implements TouchScheduler {
        final List<Runnable> tasks = new ArrayList<>();
        final List<Duration> intervals = new ArrayList<>();
        int cancelled;

        @Override
        public synchronized Scheduled every(Duration interval, Runnable task) {
            tasks.add(task);
            intervals.add(interval);
            return () -> {
                synchronized (this) {
                    cancelled++;
                }
            };
        }
    }

    /** The system clock, counting down a latch at every reading (a waiter reads it once per attempt). */
    static final class CountingClock extends Clock {
        final CountDownLatch readings;

        CountingClock(int expected) {
            readings = new CountDownLatch(expected);
        }

        @Override
        public Instant instant() {
            readings.countDown();
            return Instant.now();
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }

    @BeforeEach
    void setUp() {
        lockFile = dir.resolve("dovecot-uidlist.lock");
        touches = new ManualTouches();
    }

    private DovecotDotLocker locker(Duration waitTimeout, Clock clock) {
        DotLockSettings settings = DotLockSettings.dovecotDefaults(US).withWaitTimeout(waitTimeout);
        return new DovecotDotLocker(settings, clock, touches);
    }

    private DovecotDotLocker locker(Duration waitTimeout) {
        return locker(waitTimeout, Clock.systemUTC());
    }

    private static DotLockSettings withStaleTimeout(DotLockSettings s, Duration staleTimeout) {
        return new DotLockSettings(
                s.waitTimeout(),
                staleTimeout,
                s.deadPidGrace(),
                s.touchInterval(),
                s.firstPoll(),
                s.maxPoll(),
                s.identity());
    }

    private static long deadPid() throws Exception {
        Process p = new ProcessBuilder("true").start();
        assertEquals(0, p.waitFor());
        long pid = p.pid();
        assertFalse(Processes.isAlive(pid));
        return pid;
    }

    private void plantLock(String content, Instant mtime) throws IOException {
        Files.writeString(lockFile, content, StandardCharsets.UTF_8);
        Files.setLastModifiedTime(lockFile, FileTime.from(mtime));
    }

    @Test
    void contentIsPidColonHostnameWithoutNewline() throws Exception {
        Process hostname = new ProcessBuilder("hostname").start();
        String realHost = new String(hostname.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        assertEquals(0, hostname.waitFor());

        DovecotDotLock lock = locker(Duration.ofSeconds(1)).lock(FOLDER, dir);

        String expected = ProcessHandle.current().pid() + ":" + realHost;
        assertArrayEquals(expected.getBytes(StandardCharsets.US_ASCII), Files.readAllBytes(lockFile));
        assertEquals(List.of(Duration.ofSeconds(10)), touches.intervals, "touched every 10 s");
        assertTrue(lock.release());
        assertFalse(Files.exists(lockFile));
        assertEquals(1, touches.cancelled, "release stops the touching");
    }

    @Test
    void lockFileBelongsToTheFolderOwnerWhenRunningAsRoot() throws Exception {
        assumeTrue(
                Integer.valueOf(0).equals(Files.getAttribute(Path.of("/proc/self"), "unix:uid")),
                "only root can give files away");
        UserPrincipal nobody =
                dir.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName("nobody");
        GroupPrincipal nogroup =
                dir.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByGroupName("nogroup");
        PosixFileAttributeView folder = Files.getFileAttributeView(dir, PosixFileAttributeView.class);
        folder.setOwner(nobody);
        folder.setGroup(nogroup);

        DovecotDotLock lock = locker(Duration.ofSeconds(1)).lock(FOLDER, dir);

        assertEquals(nobody, Files.getOwner(lockFile));
        assertEquals(
                nogroup,
                Files.readAttributes(lockFile, java.nio.file.attribute.PosixFileAttributes.class)
                        .group());
        assertTrue(lock.release());
    }

    @Test
    void twoLockersExcludeEachOther() throws Exception {
        DovecotDotLock first = locker(Duration.ofSeconds(5)).lock(FOLDER, dir);
        Object firstFile = Files.readAttributes(lockFile, java.nio.file.attribute.BasicFileAttributes.class)
                .fileKey();
        CountingClock clock = new CountingClock(6);
        DovecotDotLocker second = locker(Duration.ofSeconds(30), clock);

        CompletableFuture<DovecotDotLock> waiting = CompletableFuture.supplyAsync(() -> {
            try {
                return second.lock(FOLDER, dir);
            } catch (IOException e) {
                throw new RuntimeException(e);
            }
        });
        assertTrue(clock.readings.await(20, TimeUnit.SECONDS), "the second locker keeps trying");
        assertFalse(waiting.isDone(), "the second locker must wait while the first holds the lock");
        assertEquals(
                firstFile,
                Files.readAttributes(lockFile, java.nio.file.attribute.BasicFileAttributes.class)
                        .fileKey(),
                "the first lock is untouched");

        assertTrue(first.release());
        DovecotDotLock secondLock = waiting.get(20, TimeUnit.SECONDS);
        secondLock.verifyHeld();
        assertTrue(secondLock.isOurs());
        assertTrue(secondLock.release());
    }

    @Test
    void staleLockOfADeadPidOnOurHostIsBroken() throws Exception {
        plantLock(deadPid() + ":" + US.hostname(), Instant.now().minusSeconds(10));

        DovecotDotLock lock = locker(Duration.ofSeconds(5)).lock(FOLDER, dir);

        assertEquals(US.content(), Files.readString(lockFile));
        assertTrue(lock.release());
    }

    @Test
    void freshLockOfADeadPidIsRespectedForTheGraceTime() throws Exception {
        plantLock(deadPid() + ":" + US.hostname(), Instant.now().plusSeconds(60));

        assertThrows(
                LockTimeoutException.class,
                () -> locker(Duration.ofMillis(300)).lock(FOLDER, dir),
                "Dovecot does not even read the pid of a lock younger than 2 s");
    }

    @Test
    void liveLockOnOurHostTimesOutWithAClearError() throws Exception {
        String holder = ProcessHandle.current().pid() + ":" + US.hostname();
        plantLock(holder, Instant.now().minus(Duration.ofHours(1)));

        LockTimeoutException e = assertThrows(
                LockTimeoutException.class,
                () -> locker(Duration.ofMillis(300)).lock(FOLDER, dir),
                "a live pid's lock is never stale");

        assertTrue(e.getMessage().contains("alice|.Sent"), e.getMessage());
        assertTrue(e.getMessage().contains(holder), e.getMessage());
        assertTrue(e.getMessage().contains(lockFile.toString()), e.getMessage());
        assertEquals(holder, Files.readString(lockFile), "the other's lock is left alone");
    }

    @Test
    void foreignHostLockIsBrokenOnlyAfterTheStaleTimeWithoutChange() throws Exception {
        Files.writeString(dir.resolve("dovecot-uidlist"), "3 V1 N1\n");
        Files.setLastModifiedTime(
                dir.resolve("dovecot-uidlist"), FileTime.from(Instant.now().minusSeconds(3600)));
        plantLock("4242:otherhost", Instant.now().minusSeconds(5));
        DotLockSettings settings = DotLockSettings.dovecotDefaults(US).withWaitTimeout(Duration.ofMillis(300));
        DovecotDotLocker patient = new DovecotDotLocker(settings, Clock.systemUTC(), touches);

        assertThrows(LockTimeoutException.class, () -> patient.lock(FOLDER, dir), "5 s is not 120 s");

        DovecotDotLocker quick =
                new DovecotDotLocker(withStaleTimeout(settings, Duration.ofSeconds(2)), Clock.systemUTC(), touches);
        DovecotDotLock lock = quick.lock(FOLDER, dir);
        assertEquals(US.content(), Files.readString(lockFile));
        assertTrue(lock.release());
    }

    @Test
    void recentUidlistChangeKeepsAForeignLockAlive() throws Exception {
        Files.writeString(dir.resolve("dovecot-uidlist"), "3 V1 N1\n");
        plantLock("4242:otherhost", Instant.now().minusSeconds(3600));
        DotLockSettings settings = withStaleTimeout(
                DotLockSettings.dovecotDefaults(US).withWaitTimeout(Duration.ofMillis(300)), Duration.ofSeconds(60));

        assertThrows(
                LockTimeoutException.class,
                () -> new DovecotDotLocker(settings, Clock.systemUTC(), touches).lock(FOLDER, dir),
                "the uidlist changed just now, so its holder is working");
    }

    @Test
    void releaseOfABrokenAndRetakenLockLeavesTheOtherAlone() throws Exception {
        DovecotDotLock ours = locker(Duration.ofSeconds(1)).lock(FOLDER, dir);
        Files.delete(lockFile); // someone broke it ...
        DovecotDotLock theirs = locker(Duration.ofSeconds(1)).lock(FOLDER, dir); // ... and took it: same content

        assertEquals(US.content(), Files.readString(lockFile));
        LockNotHeldException lost = assertThrows(LockNotHeldException.class, ours::verifyHeld);
        assertTrue(lost.getMessage().contains(lockFile.toString()), lost.getMessage());
        assertFalse(ours.release(), "reported as lost");
        assertTrue(Files.exists(lockFile), "the other's lock file must survive our release");
        theirs.verifyHeld();
        assertTrue(theirs.release());
        assertFalse(Files.exists(lockFile));
    }

    @Test
    void touchRefreshesTheMtimeWhileOursAndStopsWhenLost() throws Exception {
        Instant now = Instant.parse("2030-01-02T03:04:05Z");
        DovecotDotLock lock =
                locker(Duration.ofSeconds(1), Clock.fixed(now, ZoneOffset.UTC)).lock(FOLDER, dir);
        Files.setLastModifiedTime(lockFile, FileTime.from(now.minusSeconds(100)));

        touches.tasks.get(0).run();
        assertEquals(now, Files.getLastModifiedTime(lockFile).toInstant());

        plantLock("999:elsewhere", now.minusSeconds(50));
        touches.tasks.get(0).run();
        assertEquals(
                now.minusSeconds(50),
                Files.getLastModifiedTime(lockFile).toInstant(),
                "a lock that is no longer ours is not touched");
        assertEquals(1, touches.cancelled);
        assertThrows(LockNotHeldException.class, lock::verifyHeld);
        assertFalse(lock.release());
        assertEquals("999:elsewhere", Files.readString(lockFile));
    }

    @Test
    void aLockFilePlantedAsALinkIsNeverWrittenThroughNorRead() throws Exception {
        // As root: the link points at a file only root may read or change; the lock must neither.
        Path outside = Files.createDirectory(dir.resolve("outside"));
        Path secret = Files.writeString(outside.resolve("secret"), "root only");
        FileTime secretTime = FileTime.from(Instant.parse("2020-01-01T00:00:00Z"));
        Files.setLastModifiedTime(secret, secretTime);
        Path folder = Files.createDirectory(dir.resolve("folder"));
        Files.createSymbolicLink(folder.resolve("dovecot-uidlist.lock"), secret);

        LockTimeoutException e = assertThrows(
                LockTimeoutException.class,
                () -> locker(Duration.ofMillis(300)).lock(FOLDER, folder),
                "a link is someone's lock, not ours");

        assertFalse(e.getMessage().contains("root only"), "the link's target is never read: " + e.getMessage());
        assertTrue(e.getMessage().contains("symbolic link"), e.getMessage());
        assertEquals("root only", Files.readString(secret));
        assertEquals(secretTime, Files.getLastModifiedTime(secret));
        assertTrue(Files.isSymbolicLink(folder.resolve("dovecot-uidlist.lock")), "left for its stale time");
    }

    @Test
    void aFolderThatIsALinkIsNotLocked() throws Exception {
        Path outside = Files.createDirectory(dir.resolve("outside"));
        Path folder = dir.resolve("folder");
        Files.createSymbolicLink(folder, outside);

        IOException e = assertThrows(
                org.mailsnap.fs.SymlinkRefusedException.class,
                () -> locker(Duration.ofSeconds(1)).lock(FOLDER, folder));

        assertTrue(
                e.getMessage().contains(folder.toString())
                        && e.getMessage().contains("alice|.Sent")
                        && e.getMessage().contains("symbolic link, not followed"),
                e.getMessage());
        try (var listing = Files.list(outside)) {
            assertEquals(0, listing.count(), "nothing created where the link points");
        }
    }

    @Test
    void missingFolderIsNamed() {
        NoSuchFileException e = assertThrows(
                NoSuchFileException.class, () -> locker(Duration.ofSeconds(1)).lock(FOLDER, dir.resolve("gone")));
        assertTrue(e.getMessage().contains("alice|.Sent"), e.getMessage());
    }

    @Test
    void hostnameThatCannotMatchInAnotherPidNamespace() {
        LockIdentity separate = LockIdentity.ofThisProcess(PidNamespacePolicy.SEPARATE);
        LockIdentity shared = LockIdentity.ofThisProcess(PidNamespacePolicy.SHARED);
        assertNotEquals(shared.hostname(), separate.hostname());
        assertTrue(separate.hostname().startsWith(shared.hostname()));
        assertTrue(separate.hostname().contains("/"), "no real host name contains '/'");
        assertEquals(
                shared,
                LockIdentity.ofThisProcess(PidNamespacePolicy.AUTO),
                "any Dovecot on this machine runs in our pid namespace");
        assertThrows(IllegalArgumentException.class, () -> new LockIdentity(1, "a:b"));
    }
}
