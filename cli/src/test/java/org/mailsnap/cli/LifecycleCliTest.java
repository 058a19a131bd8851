package org.mailsnap.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mailsnap.mailgen.ChurnSimulator;
import org.mailsnap.mailgen.ChurnSpec;
import org.mailsnap.mailgen.StoreGenerator;
import org.mailsnap.mailgen.StoreSpec;
import org.mailsnap.mailgen.StoreTree;
import org.mailsnap.repository.Repository;
import org.mailsnap.repository.RepositoryLock;
import org.mailsnap.repository.RepositoryOptions;
import org.mailsnap.storage.LocalStorage;

/** forget, prune and unlock as an operator runs them: plans, exit codes, locks of other hosts. */
class LifecycleCliTest {
    @TempDir
    Path tmp;

    final Map<String, String> env = new HashMap<>();

    CliRun run(String... args) {
        return CliRun.of(env, args);
    }

    @BeforeEach
    void repository() {
        env.put("MAILSNAP_REPOSITORY", tmp.resolve("repo").toString());
        env.put("MAILSNAP_PASSWORD", "correct horse");
        env.put("MAILSNAP_CATALOG", tmp.resolve("catalog").toString());
        env.put("MAILSNAP_TZ", "UTC");
    }

    /** Another host's process holding a lock; {@code clock} sets how old it looks. */
    private RepositoryLock lockOf(String host, Clock clock) throws Exception {
        Repository other = Repository.open(
                new LocalStorage(tmp.resolve("repo")),
                "correct horse".toCharArray(),
                RepositoryOptions.builder()
                        .hostname(host)
                        .pid(4711)
                        .clock(clock)
                        .lockRefreshInterval(Duration.ZERO)
                        .build());
        return other.lockShared();
    }

    @Test
    void forgetPlansThenRemovesThenPrunesAndTheRestStillRestores() throws Exception {
        long seed = System.nanoTime();
        System.out.println("LifecycleCliTest seed " + seed);
        Path store = tmp.resolve("store");
        new StoreGenerator(StoreSpec.tiny().withSeed(seed), 2).generate(store);
        assertEquals(0, run("init").code());
        for (int hour = 0; hour < 3; hour++) {
            if (hour > 0) {
                new ChurnSimulator(ChurnSpec.defaults().withSeed(seed + hour)).simulateHour(store);
            }
            CliRun backup = run("backup", "--lock", "none", store.toString());
            assertEquals(0, backup.code(), backup.err());
        }

        CliRun noPolicy = run("forget");
        assertEquals(2, noPolicy.code());
        assertTrue(noPolicy.err().contains("no policy"), noPolicy.err());
        assertEquals(2, run("forget", "--keep-daily", "many").code());
        assertEquals(2, run("forget", "--keep-within", "7 days").code());
        assertEquals(
                2, run("forget", "--keep-last", "1", "--group-by", "mailbox").code());

        CliRun plan = run("forget", "--keep-last", "1", "--dry-run");
        assertEquals(0, plan.code(), plan.err());
        assertEquals(
                1,
                plan.out()
                        .lines()
                        .filter(l -> l.contains(" keep ") && l.contains("last snapshot"))
                        .count(),
                plan.out());
        assertEquals(
                2,
                plan.out()
                        .lines()
                        .filter(l -> l.startsWith("  ") && l.contains(" remove "))
                        .count(),
                plan.out());
        assertTrue(plan.out().contains("would remove 2 of 3 snapshots"), plan.out());
        assertTrue(run("snapshots").out().contains("3 snapshots"), "a dry run removes nothing");

        CliRun forget = run("forget", "--keep-last", "1", "--prune", "--max-unused", "0%");
        assertEquals(0, forget.code(), forget.err());
        assertTrue(forget.out().contains("removed 2 of 3 snapshots"), forget.out());
        assertTrue(forget.out().contains("old index files deleted"), forget.out());
        assertTrue(run("snapshots").out().contains("1 snapshots"));
        CliRun again = run("prune");
        assertEquals(0, again.code(), again.err());
        assertTrue(again.out().contains("nothing to prune"), again.out());

        Files.write(tmp.resolve("repo/snapshots/" + "ab".repeat(32)), new byte[] {1, 2, 3});
        CliRun damaged = run("forget", "--keep-last", "1");
        assertEquals(3, damaged.code(), "partial: one snapshot could not be read");
        assertTrue(damaged.err().contains("abababab") && damaged.err().lines().count() == 1, damaged.err());
        Files.delete(tmp.resolve("repo/snapshots/" + "ab".repeat(32)));

        StoreTree.Options exact = StoreTree.Options.exact().ignoringDirectoryMtimes();
        Path target = tmp.resolve("restored");
        CliRun restore = run("restore", "--snapshot", "latest", "--target", target.toString());
        assertEquals(0, restore.code(), restore.err());
        assertEquals(List.of(), StoreTree.capture(store, exact).diff(StoreTree.capture(target, exact)));
    }

    @Test
    void pruneRefusesWhileAnotherHostBacksUpAndUnlockRemovesOnlyStaleLocks() throws Exception {
        Path store = tmp.resolve("store");
        new StoreGenerator(StoreSpec.tiny().withSeed(5), 2).generate(store);
        assertEquals(0, run("init").code());
        try (RepositoryLock running = lockOf("mx2.example", Clock.systemUTC())) {
            assertTrue(!running.exclusive(), "a backup's lock is shared");
            CliRun refused = run("prune");
            assertEquals(11, refused.code(), refused.out() + refused.err());
            assertEquals(1, refused.err().lines().count(), refused.err());
            assertTrue(refused.err().contains("mx2.example") && refused.err().contains("4711"), refused.err());
            assertEquals(2, run("prune", "--retry-lock", "soon").code());
            CliRun waited = run("prune", "--retry-lock", "1s");
            assertEquals(11, waited.code(), "gives up after waiting: " + waited.err());
            assertTrue(waited.err().contains("waiting: repository is locked"), waited.err());
            CliRun backup = run("backup", "--lock", "none", store.toString());
            assertEquals(0, backup.code(), "a backup goes on beside another host's backup: " + backup.err());

            lockOf("dead.example", Clock.fixed(Instant.now().minus(Duration.ofHours(2)), ZoneOffset.UTC));
            CliRun unlock = run("unlock");
            assertEquals(0, unlock.code(), unlock.err());
            assertTrue(unlock.out().contains("removed shared lock by dead.example"), unlock.out());
            assertTrue(unlock.out().contains("kept shared lock by mx2.example"), unlock.out());
            assertTrue(unlock.out().contains("1 lock(s) removed"), unlock.out());
            assertEquals(11, run("prune").code(), "the running backup's lock stays");

            CliRun all = run("unlock", "--remove-all");
            assertEquals(0, all.code(), all.err());
            assertTrue(all.err().contains("warning"), all.err());
            assertTrue(all.out().contains("1 lock(s) removed"), all.out());
            CliRun prune = run("prune", "--dry-run");
            assertEquals(0, prune.code(), prune.err());
            assertTrue(
                    prune.out().contains("dry run: nothing changed")
                            || prune.out().contains("nothing"),
                    prune.out());
        }
        try (var locks = Files.list(tmp.resolve("repo").resolve("locks"))) {
            assertTrue(locks.findAny().isEmpty(), "no lock left");
        }
    }
}
