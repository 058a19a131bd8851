package org.mailsnap.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mailsnap.mailgen.ChurnSimulator;
import org.mailsnap.mailgen.StoreGenerator;
import org.mailsnap.mailgen.StoreTree;

/**
 * A repository written before manifests version 3 (by main at cc206a5: manifests version 2; see the fixture's
 * README) goes on with backups that write version 3: every snapshot of the mixed history restores its moment
 * exactly, check finds nothing, a catalog rebuilt over the mixed history serves the next backup, and prune keeps
 * what the version 3 manifests reference (their content chunks reach only through an index).
 */
class ManifestsV2RepositoryTest {
    /** The fixture: the repository and how it was made (README.md), as main's writer left it. */
    static final Path FIXTURE = Path.of("src", "test", "resources", "repositories", "manifests-v2");
    /** The fixture's two snapshots: the generated store, then the store after one busy hour (seed 12). */
    static final List<String> OLD_SNAPSHOTS = List.of("8e4b3ab058c1", "28b7d36ad5ca");
    /**
     * Where the fixture's store was when main backed it up (host {@code fixture}): a backup continues a store's
     * history only at the same host and path, so the test puts the store there, one test run at a time.
     */
    static final Path STORE_PARENT = Path.of("/tmp/mailsnap-manifests-v2-fixture");

    private static final StoreTree.Options EXACT = StoreTree.Options.exact().ignoringDirectoryMtimes();

    @TempDir
    Path tmp;

    final Map<String, String> env = new HashMap<>();
    private int restores;

    CliRun run(String... args) {
        return CliRun.of(env, args);
    }

    @BeforeEach
    void copyOfTheFixture() throws Exception {
        Path repo = tmp.resolve("repo");
        try (Stream<Path> files = Files.walk(FIXTURE.resolve("repo"))) {
            for (Path from : files.toList()) {
                Path to = repo.resolve(FIXTURE.resolve("repo").relativize(from).toString());
                if (Files.isDirectory(from)) {
                    Files.createDirectories(to);
                } else {
                    Files.copy(from, to);
                }
            }
        }
        env.put("MAILSNAP_REPOSITORY", repo.toString());
        env.put("MAILSNAP_PASSWORD", "fixture");
        env.put("MAILSNAP_CATALOG", tmp.resolve("catalog").toString());
        env.put("MAILSNAP_TZ", "UTC");
    }

    /** The store the fixture backed up, regenerated at its path (the same spec gives the same bytes and mtimes). */
    private Path regeneratedStore() throws Exception {
        Path store = STORE_PARENT.resolve("store");
        deleteTree(store);
        new StoreGenerator(ManifestsV2Fixture.store(), 1).generate(store);
        return store;
    }

    private static void deleteTree(Path root) throws Exception {
        if (Files.exists(root)) {
            try (Stream<Path> files = Files.walk(root)) {
                files.sorted(java.util.Comparator.reverseOrder())
                        .forEach(p -> p.toFile().delete());
            }
        }
    }

    private void assertRestores(String snapshot, StoreTree moment) throws Exception {
        Path target = tmp.resolve("restore-" + restores++);
        CliRun restore = run("restore", "--snapshot", snapshot, "--target", target.toString());
        assertEquals(0, restore.code(), restore.err());
        assertEquals(List.of(), moment.diff(StoreTree.capture(target, moment.options())), "snapshot " + snapshot);
    }

    @Test
    void version3BackupsContinueAVersion2HistoryAndEverySnapshotRestoresExactly() throws Exception {
        Files.createDirectories(STORE_PARENT);
        try (FileChannel lockFile = FileChannel.open(
                        STORE_PARENT.resolve("lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                FileLock held = lockFile.lock()) {
            continueTheHistory(regeneratedStore());
        } finally {
            deleteTree(STORE_PARENT.resolve("store"));
        }
    }

    private void continueTheHistory(Path store) throws Exception {
        List<StoreTree> moments = new ArrayList<>();
        moments.add(StoreTree.capture(store, EXACT));
        new ChurnSimulator(ManifestsV2Fixture.hour(12)).simulateHour(store);
        // the hour rewrote uidlists and keyword files at the wall-clock time, then when the fixture was made
        moments.add(StoreTree.capture(store, EXACT.ignoringMtimesOf(StoreTree.Kind.CONTROL_FILE)));

        CliRun rebuild = run("catalog", "rebuild");
        assertEquals(0, rebuild.code(), "a catalog rebuilt from manifests version 2: " + rebuild.err());
        for (int i = 0; i < OLD_SNAPSHOTS.size(); i++) {
            assertRestores(OLD_SNAPSHOTS.get(i), moments.get(i));
        }

        // two hours backed up with manifests version 3, each continuing the store's history (incremental; the
        // rebuilt catalog has every folder listed again the first time)
        List<String> ids = new ArrayList<>(OLD_SNAPSHOTS);
        for (long hour = 13; hour <= 14; hour++) {
            new ChurnSimulator(ManifestsV2Fixture.hour(hour)).simulateHour(store);
            moments.add(StoreTree.capture(store, EXACT));
            CliRun backup = run("backup", "--host", "fixture", "--lock", "none", "--json", store.toString());
            assertEquals(0, backup.code(), backup.err());
            ids.add(field(backup.out(), "snapshot"));
            assertTrue(
                    Long.parseLong(field(backup.out(), "newMessages"))
                            < Long.parseLong(field(backup.out(), "messages")) / 2,
                    "an incremental run, not a first one: " + backup.out());
        }
        CliRun check = run("check", "--read-data");
        assertEquals(0, check.code(), check.out() + check.err());
        assertTrue(check.out().contains("no damage found"), check.out());
        for (int i = 0; i < ids.size(); i++) {
            assertRestores(ids.get(i), moments.get(i));
        }

        // a catalog rebuilt over the mixed history serves the next backup: an unchanged store reads no message
        deleteTree(tmp.resolve("catalog"));
        CliRun again = run("catalog", "rebuild");
        assertEquals(0, again.code(), again.err());
        CliRun unchanged = run("backup", "--host", "fixture", "--lock", "none", "--json", store.toString());
        assertEquals(0, unchanged.code(), unchanged.err());
        assertEquals("0", field(unchanged.out(), "newMessages"), unchanged.out());

        // forget the version 2 snapshots: prune keeps every blob the version 3 manifests reach
        CliRun forget = run("forget", "--keep-last", "3", "--prune");
        assertEquals(0, forget.code(), forget.out() + forget.err());
        for (int i = OLD_SNAPSHOTS.size(); i < ids.size(); i++) {
            assertRestores(ids.get(i), moments.get(i));
        }
        CliRun after = run("check", "--read-data");
        assertEquals(0, after.code(), after.out() + after.err());
    }

    /** A top-level field of a one-line JSON object, as text (a string's quotes taken off). */
    private static String field(String json, String name) {
        int at = json.indexOf("\"" + name + "\":");
        assertTrue(at >= 0, name + " in " + json);
        int from = at + name.length() + 3;
        if (json.charAt(from) == '"') {
            return json.substring(from + 1, json.indexOf('"', from + 1));
        }
        int end = from;
        while (end < json.length() && json.charAt(end) != ',' && json.charAt(end) != '}') {
            end++;
        }
        return json.substring(from, end);
    }
}
