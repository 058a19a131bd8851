package org.mailsnap.repository;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mailsnap.mailgen.ManualClock;
import org.mailsnap.model.ObjectId;
import org.mailsnap.storage.MemoryStorage;

/** Shared and exclusive locks between "hosts" (separately opened repositories on one storage). */
class LockTest {
    private final MemoryStorage storage = new MemoryStorage();
    private final ManualClock clock = new ManualClock(TestRepositories.T0);

    private Repository host(String name, long pid) throws Exception {
        RepositoryOptions options = TestRepositories.options(pid)
                .clock(clock)
                .hostname(name)
                .pid(pid)
                .build();
        if (!storage.exists("config")) {
            Repository.init(storage, "pw".toCharArray(), options);
        }
        return Repository.open(storage, "pw".toCharArray(), options);
    }

    @Test
    void sharedLocksCoexistAndBlockAnExclusiveOne() throws Exception {
        Repository mx1 = host("mx1", 101);
        Repository mx2 = host("mx2", 202);
        Repository admin = host("admin", 303);
        RepositoryLock a = mx1.lockShared();
        RepositoryLock b = mx2.lockShared();
        assertEquals(2, admin.listLocks().size());
        clock.advance(Duration.ofMinutes(3));
        RepositoryLockedException e = assertThrows(RepositoryLockedException.class, admin::lockExclusive);
        assertTrue(e.getMessage().contains("shared lock by mx"), e.getMessage());
        assertTrue(e.getMessage().contains("pid"), e.getMessage());
        assertTrue(e.getMessage().contains("3 min"), e.getMessage());
        assertEquals(2, admin.listLocks().size(), "the failed attempt removed its own lock");
        a.close();
        b.close();
        assertTrue(admin.listLocks().isEmpty());
        try (RepositoryLock exclusive = admin.lockExclusive()) {
            assertTrue(exclusive.exclusive());
            RepositoryLockedException blocked = assertThrows(RepositoryLockedException.class, mx1::lockShared);
            assertEquals("admin", blocked.holder().host());
            assertEquals(303, blocked.holder().pid());
            assertTrue(blocked.holder().exclusive());
        }
        mx1.lockShared().close();
    }

    @Test
    void staleLocksAreIgnoredAndRemovable() throws Exception {
        Repository crashed = host("mx1", 101);
        Repository admin = host("admin", 303);
        crashed.lockExclusive(); // never released: the process "died"
        clock.advance(Duration.ofMinutes(29));
        assertThrows(RepositoryLockedException.class, admin::lockShared);
        clock.advance(Duration.ofMinutes(2));
        List<LockInfo> locks = admin.listLocks();
        assertEquals(1, locks.size());
        assertTrue(locks.get(0).stale());
        assertTrue(locks.get(0).describe(clock.instant()).contains("(stale)"));
        try (RepositoryLock lock = admin.lockExclusive()) {
            for (LockInfo stale : admin.listLocks()) {
                if (stale.stale()) {
                    admin.removeLock(stale.id()); // as 'mailsnap unlock' removes the stale ones
                }
            }
            assertEquals(
                    List.of(lock.id()),
                    admin.listLocks().stream().map(LockInfo::id).toList());
        }
    }

    @Test
    void refreshKeepsALockFreshAndReplacesItsObject() throws Exception {
        Repository mx1 = host("mx1", 101);
        Repository admin = host("admin", 303);
        try (RepositoryLock lock = mx1.lockShared()) {
            ObjectId first = lock.id();
            clock.advance(Duration.ofMinutes(25));
            lock.refresh();
            assertNotEquals(first, lock.id());
            assertEquals(1, admin.listLocks().size());
            clock.advance(Duration.ofMinutes(25));
            lock.checkHeld();
            assertThrows(RepositoryLockedException.class, admin::lockExclusive);
            clock.advance(Duration.ofMinutes(10));
            RepositoryException stale = assertThrows(RepositoryException.class, lock::checkHeld);
            assertTrue(stale.getMessage().contains("stale"), stale.getMessage());
        }
        assertTrue(admin.listLocks().isEmpty());
    }

    @Test
    void theTimerRefreshesTheLock() throws Exception {
        RepositoryOptions options = TestRepositories.options(9)
                .lockRefreshInterval(Duration.ofMillis(20))
                .build();
        Repository.init(storage, "pw".toCharArray(), options);
        Repository repo = Repository.open(storage, "pw".toCharArray(), options);
        try (RepositoryLock lock = repo.lockShared()) {
            ObjectId first = lock.id();
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (lock.id().equals(first)) {
                assertTrue(System.nanoTime() < deadline, "no refresh within 10 s");
                Thread.sleep(5);
            }
            lock.checkHeld();
        }
        assertTrue(repo.listLocks().isEmpty());
    }

    @Test
    void anUnreadableLockBlocksExclusiveButNotShared() throws Exception {
        Repository mx1 = host("mx1", 101);
        storage.put("locks/" + "ab".repeat(32), new byte[] {1, 2, 3});
        assertFalse(mx1.listLocks().get(0).problem().isEmpty());
        RepositoryLockedException e = assertThrows(RepositoryLockedException.class, mx1::lockExclusive);
        assertTrue(e.getMessage().contains("remove the lock"), e.getMessage());
        mx1.lockShared().close();
        mx1.removeLock(ObjectId.parse("ab".repeat(32)));
        mx1.lockExclusive().close();
    }
}
