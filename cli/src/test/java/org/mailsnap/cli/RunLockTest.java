package org.mailsnap.cli;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mailsnap.catalog.Catalog;

/** A second run while another process holds the catalog exits at once with code 4, then runs once it is free. */
class RunLockTest {
    @TempDir
    Path tmp;

    final Map<String, String> env = new HashMap<>();
    Path catalog;
    Path store;

    CliRun run(String... args) {
        return CliRun.of(env, args);
    }

    @BeforeEach
    void repository() throws Exception {
        catalog = tmp.resolve("catalog");
        env.put("MAILSNAP_REPOSITORY", tmp.resolve("repo").toString());
        env.put("MAILSNAP_PASSWORD", "correct horse");
        env.put("MAILSNAP_CATALOG", catalog.toString());
        env.put("MAILSNAP_CONFIG", tmp.resolve("no.conf").toString());
        Files.writeString(tmp.resolve("no.conf"), "");
        store = tmp.resolve("store");
        Path folder = store.resolve("example.org/anne");
        for (String d : new String[] {"cur", "new", "tmp"}) {
            Files.createDirectories(folder.resolve(d));
        }
        Files.writeString(folder.resolve("new/1700000000.M1P1.host"), "Subject: hi\r\n\r\nbody\r\n");
        assertEquals(0, run("init").code());
    }

    @Test
    void aSecondBackupExitsWithBusyWhileAnotherProcessHoldsTheCatalog() throws Exception {
        Process holder = RunLockHolder.start(catalog);
        try {

            long started = System.nanoTime();
            CliRun busy = run("backup", "--lock", "none", store.toString());
            assertEquals(4, busy.code(), busy.err());
            assertEquals(1, busy.err().lines().count(), busy.err());
            assertTrue(
                    busy.err().startsWith("mailsnap: another mailsnap run (test holder, pid " + holder.pid()),
                    busy.err());
            assertTrue(busy.err().contains("is using the catalog " + catalog), busy.err());
            assertTrue(System.nanoTime() - started < TimeUnit.SECONDS.toNanos(30), "exits at once, no waiting");

            CliRun rebuild = run("catalog", "rebuild");
            assertEquals(4, rebuild.code(), rebuild.err());

            CliRun readOnly = run("snapshots");
            assertEquals(0, readOnly.code(), "reading commands do not take the run lock: " + readOnly.err());
        } finally {
            holder.getOutputStream().close();
            assertTrue(holder.waitFor(30, TimeUnit.SECONDS));
        }
        CliRun backup = run("backup", "--lock", "none", store.toString());
        assertEquals(0, backup.code(), "free again once the holder ended: " + backup.err());
        CliRun rebuild = run("catalog", "rebuild");
        assertEquals(0, rebuild.code(), rebuild.err());
        assertTrue(Files.isRegularFile(catalog.resolve(Catalog.RUN_LOCK_FILE)), "the rebuild kept the lock file");
        CliRun after = run("backup", "--lock", "none", store.toString());
        assertEquals(0, after.code(), after.err());
    }

    @Test
    void theSameProcessHoldingItIsBusyToo() throws Exception {
        try (RunLock held = RunLock.acquire(catalog, "in-process holder")) {
            CliRun busy = run("backup", "--lock", "none", store.toString());
            assertEquals(4, busy.code(), busy.err());
        }
        assertEquals(0, run("backup", "--lock", "none", store.toString()).code());
    }

    @Test
    void busyIsDocumentedInHelp() {
        CliRun help = run("--help");
        assertTrue(help.out().contains("4  another mailsnap run is using this catalog"), help.out());
    }
}
