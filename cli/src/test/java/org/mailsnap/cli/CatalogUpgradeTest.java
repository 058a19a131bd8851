package org.mailsnap.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lmdbjava.Dbi;
import org.lmdbjava.DbiFlags;
import org.lmdbjava.Env;
import org.lmdbjava.Txn;
import org.mailsnap.catalog.Catalog;
import org.mailsnap.mailgen.ChurnSimulator;
import org.mailsnap.mailgen.ChurnSpec;
import org.mailsnap.mailgen.StoreGenerator;
import org.mailsnap.mailgen.StoreSpec;

/**
 * After an upgrade the local catalog may have an older format: every command rebuilds it from the repository, says
 * so in one line, and goes on, and then answers exactly as after a manual {@code catalog rebuild}. A rebuild killed
 * half-way (a real process, SIGKILL) is rebuilt again; a catalog of a newer format is refused and kept.
 */
class CatalogUpgradeTest {
    private static final Pattern REBUILT = Pattern.compile(
            "mailsnap: the local catalog at \\S+ was (format 2, older than this mailsnap's " + Catalog.FORMAT_VERSION
                    + "|an unfinished rebuild): rebuilt it from the repository \\(\\d+ snapshots of 1 stores, \\d+"
                    + " messages, [\\d.]+ s\\)");

    @TempDir
    Path tmp;

    private Path base;
    private Path store;

    /** Three hourly snapshots of a store that loses and gains mail, and the catalog the backups built. */
    @BeforeEach
    void threeSnapshots() throws Exception {
        long seed = System.nanoTime();
        System.out.println("CatalogUpgradeTest seed " + seed);
        base = Files.createDirectories(tmp.resolve("base"));
        store = tmp.resolve("store");
        new StoreGenerator(
                        StoreSpec.tiny().toBuilder()
                                .seed(seed)
                                .mailboxes(2)
                                .messagesPerMailbox(8)
                                .build(),
                        1)
                .generate(store);
        assertOk(CrashedRuns.inProcess(base, "init"));
        ChurnSpec churn = ChurnSpec.defaults().toBuilder()
                .seed(seed)
                .expungeShare(0.3)
                .deliveryShare(0.3)
                .build();
        for (int hour = 0; hour < 3; hour++) {
            if (hour > 0) {
                new ChurnSimulator(churn.toBuilder().seed(seed + hour).build()).simulateHour(store);
                CrashedRuns.ageDirectories(store);
            }
            assertOk(CrashedRuns.inProcess(base, "backup", store.toString(), "--lock", "none"));
        }
    }

    @Test
    void aBackupRebuildsAnOlderCatalogAndAnswersAsAfterAManualRebuild() throws Exception {
        Path state = CrashedRuns.copy(base, tmp.resolve("old"));
        writeFormat(state, 2);

        Path metrics = tmp.resolve("mailsnap.prom");
        CliRun backup = CrashedRuns.inProcess(
                state, "backup", store.toString(), "--lock", "none", "--json", "--metrics-file", metrics.toString());
        assertEquals(0, backup.code(), backup.err());
        assertOneRebuildLine(backup.err(), "format 2");
        Map<String, Double> gauges =
                PrometheusText.parse(Files.readString(metrics)).samples();
        assertEquals(1, gauges.get("mailsnap_backup_catalog_rebuilt"), gauges.toString());
        assertTrue(gauges.get("mailsnap_backup_catalog_rebuild_seconds") > 0, gauges.toString());
        Map<String, Object> result = object(backup.out());
        assertEquals(0L, number(result.get("newMessages")), "incremental after the rebuild: nothing read again");
        Map<?, ?> rebuilt = (Map<?, ?>) result.get("catalogRebuilt");
        assertNotNull(rebuilt, backup.out());
        assertEquals("format 2, older than this mailsnap's " + Catalog.FORMAT_VERSION, rebuilt.get("reason"));
        assertEquals(3L, number(rebuilt.get("snapshots")));

        CliRun again = CrashedRuns.inProcess(state, "backup", store.toString(), "--lock", "none", "--json");
        assertEquals(0, again.code(), again.err());
        assertEquals("", again.err(), "rebuilt once");
        assertNull(object(again.out()).get("catalogRebuilt"), again.out());

        List<String> afterBackups = answers(state);
        assertOk(CrashedRuns.inProcess(state, "catalog", "rebuild"));
        assertEquals(afterBackups, answers(state), "as after a manual rebuild");
    }

    @Test
    void aReadingCommandRebuildsItAndAnswersExactlyAsAfterAManualRebuild() throws Exception {
        Path manual = CrashedRuns.copy(base, tmp.resolve("manual"));
        assertOk(CrashedRuns.inProcess(manual, "catalog", "rebuild"));
        List<String> expected = answers(manual);

        Path state = CrashedRuns.copy(base, tmp.resolve("old"));
        writeFormat(state, 2);
        CliRun snapshots = CrashedRuns.inProcess(state, "snapshots", "--json");
        assertEquals(0, snapshots.code(), snapshots.err());
        assertOneRebuildLine(snapshots.err(), "format 2");
        Map<String, Object> listed = object(snapshots.out());
        assertNotNull(listed.remove("catalogRebuilt"), snapshots.out());
        assertEquals(expected.get(0), Json.object(listed));
        assertEquals(expected, answers(state));
    }

    @Test
    void aReadingCommandWhileAnotherRunHoldsTheCatalogSaysWhyAndChangesNothing() throws Exception {
        Path state = CrashedRuns.copy(base, tmp.resolve("old"));
        writeFormat(state, 2);
        Process holder = RunLockHolder.start(state.resolve("catalog"));
        try {
            CliRun find = CrashedRuns.inProcess(state, "find", "--since", "1970-01-01");
            assertEquals(4, find.code(), find.err());
            assertEquals(1, find.err().lines().count(), find.err());
            assertTrue(
                    find.err().contains("(test holder, pid " + holder.pid())
                            && find.err().contains("the catalog is format 2, older than this mailsnap's "),
                    find.err());
        } finally {
            holder.getOutputStream().close();
            assertTrue(holder.waitFor(30, TimeUnit.SECONDS));
        }
        assertEquals(2, readFormat(state), "untouched while the other run held it");
        CliRun find = CrashedRuns.inProcess(state, "find", "--since", "1970-01-01");
        assertEquals(0, find.code(), find.err());
        assertOneRebuildLine(find.err(), "format 2");
    }

    @Test
    void aNewerCatalogIsRefusedAndKept() throws Exception {
        Path state = CrashedRuns.copy(base, tmp.resolve("newer"));
        writeFormat(state, Catalog.FORMAT_VERSION + 1);
        CliRun backup = CrashedRuns.inProcess(state, "backup", store.toString(), "--lock", "none");
        assertEquals(1, backup.code(), backup.err());
        assertEquals(1, backup.err().lines().count(), backup.err());
        assertTrue(backup.err().contains("written by a newer mailsnap"), backup.err());
        CliRun snapshots = CrashedRuns.inProcess(state, "snapshots");
        assertEquals(1, snapshots.code(), snapshots.err());
        assertEquals(Catalog.FORMAT_VERSION + 1, readFormat(state), "a downgrade keeps the newer catalog");
        assertEquals(3, CrashedRuns.snapshotIds(state).size());
    }

    /**
     * The rebuild of an older catalog killed in a backup: before its first repository write (its lock; the old
     * catalog is gone by then), after it, and with everything written but the lock's removal. Each leaves a catalog
     * that the next command rebuilds again, never a part taken for the whole; that command then answers as after a
     * manual rebuild.
     */
    @Test
    void aRebuildKilledHalfWayIsRebuiltAgain() throws Exception {
        Path manual = CrashedRuns.copy(base, tmp.resolve("manual"));
        assertOk(CrashedRuns.inProcess(manual, "catalog", "rebuild"));
        List<String> expected = answers(manual);
        List<String> backup = List.of("backup", store.toString(), "--lock", "none");

        Path counted = CrashedRuns.copy(base, tmp.resolve("count"));
        writeFormat(counted, 2);
        List<CrashedRuns.Write> writes = CrashedRuns.count(counted, backup);
        assertEquals(
                "put locks", writes.get(0).operation() + " " + writes.get(0).directory(), writes.toString());
        assertEquals(
                "delete locks", writes.get(1).operation() + " " + writes.get(1).directory(), writes.toString());

        for (String point : List.of("1", "1+", "2")) {
            Path state = CrashedRuns.copy(base, tmp.resolve("killed-" + point));
            writeFormat(state, 2);
            String at = CrashedRuns.killAt(state, point, backup);
            assertTrue(at.startsWith(point.equals("2") ? "delete locks/" : "put locks/"), at);
            assertTrue(readFormat(state) != Catalog.FORMAT_VERSION, point + ": the catalog is not taken for whole");
            assertOk(CrashedRuns.inProcess(state, "unlock", "--remove-all"));

            CliRun snapshots = CrashedRuns.inProcess(state, "snapshots", "--json");
            assertEquals(0, snapshots.code(), snapshots.err());
            assertOneRebuildLine(snapshots.err(), "an unfinished rebuild");
            assertEquals(expected, answers(state), "killed at " + point);
            CrashedRuns.deleteTree(state);
        }
    }

    /** {@code snapshots --json}, then {@code find --json} of every message and of every message gone. */
    private static List<String> answers(Path state) {
        List<String> answers = new ArrayList<>();
        for (String[] args : List.of(
                new String[] {"snapshots", "--json"},
                new String[] {"find", "--since", "1970-01-01", "--limit", "100000", "--json"},
                new String[] {"find", "--deleted-since", "1970-01-01", "--limit", "100000", "--json"})) {
            CliRun run = CrashedRuns.inProcess(state, args);
            assertEquals(0, run.code(), String.join(" ", args) + ": " + run.err());
            assertEquals("", run.err(), String.join(" ", args));
            answers.add(run.out().strip());
        }
        return answers;
    }

    private static void assertOneRebuildLine(String err, String reason) {
        List<String> lines = err.lines().toList();
        assertEquals(1, lines.size(), err);
        assertTrue(REBUILT.matcher(lines.get(0)).matches(), err);
        assertTrue(lines.get(0).contains(" was " + reason), err);
    }

    /** The catalog's format version as the catalog reads it: key {@code format} of the {@code meta} database. */
    private static int readFormat(Path state) {
        try (Env<ByteBuffer> env = meta(state)) {
            Dbi<ByteBuffer> meta = env.openDbi("meta");
            try (Txn<ByteBuffer> txn = env.txnRead()) {
                return meta.get(txn, key("format")).getInt();
            }
        }
    }

    /** Writes {@code version} as the catalog's format, the way a catalog of that version carries it. */
    private static void writeFormat(Path state, int version) {
        try (Env<ByteBuffer> env = meta(state)) {
            Dbi<ByteBuffer> meta = env.openDbi("meta", DbiFlags.MDB_CREATE);
            ByteBuffer value = ByteBuffer.allocateDirect(4).putInt(version).flip();
            meta.put(key("format"), value);
        }
        assertEquals(version, readFormat(state));
    }

    private static Env<ByteBuffer> meta(Path state) {
        return Env.create()
                .setMapSize(1L << 30)
                .setMaxDbs(16)
                .open(state.resolve("catalog").resolve("state").toFile());
    }

    private static ByteBuffer key(String name) {
        byte[] bytes = name.getBytes(StandardCharsets.US_ASCII);
        return ByteBuffer.allocateDirect(bytes.length).put(bytes).flip();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> object(String json) {
        return (Map<String, Object>) Json.parse(json);
    }

    private static long number(Object value) {
        return ((Number) value).longValue();
    }

    private static void assertOk(CliRun run) {
        assertEquals(0, run.code(), run.out() + run.err());
    }
}
