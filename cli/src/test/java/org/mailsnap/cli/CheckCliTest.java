package org.mailsnap.cli;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mailsnap.mailgen.StoreGenerator;
import org.mailsnap.mailgen.StoreSpec;
import org.mailsnap.mailgen.StoreTree;

/**
 * check, repair and damaged snapshots through the CLI: exit codes, one-line warnings, damage named by message,
 * and the next backup storing again what a deleted pack lost.
 */
class CheckCliTest {
    @TempDir
    Path tmp;

    final Map<String, String> env = new HashMap<>();

    CliRun run(String... args) {
        CliRun r = CliRun.of(env, args);
        System.out.println("$ mailsnap " + String.join(" ", args) + " -> " + r.code() + "\n" + r.out() + r.err());
        return r;
    }

    @BeforeEach
    void repository() {
        env.put("MAILSNAP_REPOSITORY", tmp.resolve("repo").toString());
        env.put("MAILSNAP_PASSWORD", "correct horse");
        env.put("MAILSNAP_CATALOG", tmp.resolve("catalog").toString());
    }

    private Path store() throws Exception {
        long seed = System.nanoTime();
        System.out.println("CheckCliTest seed " + seed);
        Path store = tmp.resolve("store");
        new StoreGenerator(
                        StoreSpec.tiny().toBuilder()
                                .mailboxes(2)
                                .messagesPerMailbox(20)
                                .seed(seed)
                                .build(),
                        1)
                .generate(store);
        return store;
    }

    private Path largestPack() throws Exception {
        try (var files = Files.walk(tmp.resolve("repo").resolve("data"))) {
            return files.filter(Files::isRegularFile)
                    .max((a, b) -> Long.compare(a.toFile().length(), b.toFile().length()))
                    .orElseThrow();
        }
    }

    @Test
    void aDeletedPackIsReportedByMessageAndTheNextBackupStoresItAgain() throws Exception {
        Path store = store();
        assertEquals(0, run("init").code());
        assertEquals(0, run("backup", "--lock", "none", store.toString()).code());
        CliRun clean = run("check", "--read-data");
        assertEquals(0, clean.code(), clean.err());
        assertTrue(clean.out().contains("no damage found"), clean.out());

        Files.delete(largestPack()); // the data pack: bodies outweigh manifests
        CliRun damaged = run("check");
        assertEquals(1, damaged.code(), damaged.err());
        assertTrue(damaged.out().contains("missing (listed by index"), damaged.out());
        assertTrue(damaged.out().contains("messages that cannot be restored from some snapshot"), damaged.out());
        assertTrue(damaged.out().contains("\""), "subjects quoted: " + damaged.out());
        assertTrue(damaged.err().contains("marked in the catalog"), damaged.err());

        CliRun incomplete = run("repair");
        assertEquals(3, incomplete.code(), "the lost blobs are nowhere yet: " + incomplete.out());
        assertTrue(incomplete.out().contains("cannot be completed"), incomplete.out());

        CliRun json = run("check", "--json", "--no-lock", "--read-data-subset", "1/2");
        assertEquals(1, json.code());
        assertTrue(json.out().startsWith("{\"clean\":false"), json.out());

        CliRun again = run("backup", "--lock", "none", store.toString());
        assertEquals(0, again.code(), again.err());
        Path target = tmp.resolve("restored");
        assertEquals(
                0, run("restore", "--at", "now", "--target", target.toString()).code());
        StoreTree.Options exact = StoreTree.Options.exact().ignoringDirectoryMtimes();
        assertEquals(List.of(), StoreTree.capture(store, exact).diff(StoreTree.capture(target, exact)));

        CliRun repair = run("repair");
        assertEquals(0, repair.code(), repair.out() + repair.err());
        CliRun after = run("check", "--read-data");
        assertEquals(0, after.code(), after.out());
    }

    @Test
    void aDamagedSnapshotIsOneWarningLineAndEverythingElseWorks() throws Exception {
        Path store = store();
        assertEquals(0, run("init").code());
        assertEquals(0, run("backup", "--lock", "none", store.toString()).code());
        Files.writeString(tmp.resolve("repo").resolve("snapshots").resolve("cd".repeat(32)), "not a snapshot");
        // a fresh catalog, as on a new host
        try (var files = Files.walk(tmp.resolve("catalog"))) {
            files.sorted(java.util.Comparator.reverseOrder())
                    .forEach(p -> p.toFile().delete());
        }

        CliRun snapshots = run("snapshots");
        assertEquals(0, snapshots.code(), snapshots.err());
        assertTrue(snapshots.out().contains("1 snapshots"), snapshots.out());
        assertEquals(1, snapshots.err().lines().count(), snapshots.err());
        assertTrue(snapshots.err().contains("snapshot cdcdcdcdcdcd is damaged and skipped"), snapshots.err());

        Path target = tmp.resolve("restored");
        CliRun restore = run("restore", "--at", "now", "--target", target.toString());
        assertEquals(0, restore.code(), restore.err());

        CliRun rebuild = run("catalog", "rebuild");
        assertEquals(3, rebuild.code(), rebuild.err());
        assertTrue(rebuild.err().contains("cdcdcdcdcdcd"), rebuild.err());

        CliRun check = run("check");
        assertEquals(1, check.code());
        assertTrue(check.out().contains("snapshot cdcdcdcdcdcd: "), check.out());
    }

    @Test
    void aRestoreThatMeetsABadBlobMarksItSoTheNextBackupStoresItAgain() throws Exception {
        Path store = store();
        assertEquals(0, run("init").code());
        assertEquals(0, run("backup", "--lock", "none", store.toString()).code());
        Path pack = largestPack();
        byte[] bytes = Files.readAllBytes(pack);
        bytes[60] ^= 1; // the first blob's ciphertext
        Files.write(pack, bytes);

        CliRun broken =
                run("restore", "--at", "now", "--target", tmp.resolve("first").toString());
        assertNotEquals(0, broken.code());
        assertTrue(broken.err().contains("MAC mismatch"), broken.err());

        CliRun again = run("backup", "--lock", "none", store.toString());
        assertEquals(0, again.code(), again.err());
        Path target = tmp.resolve("second");
        CliRun restore = run("restore", "--at", "now", "--target", target.toString());
        assertEquals(0, restore.code(), restore.err());
        StoreTree.Options exact = StoreTree.Options.exact().ignoringDirectoryMtimes();
        assertEquals(List.of(), StoreTree.capture(store, exact).diff(StoreTree.capture(target, exact)));
    }

    @Test
    void checkReadDataClearsTheMarksOfAPackThatWasOnlyUnreachable() throws Exception {
        Path store = store();
        assertEquals(0, run("init").code());
        assertEquals(0, run("backup", "--lock", "none", store.toString()).code());
        Path pack = largestPack();
        Path away = tmp.resolve("away");
        Files.move(pack, away);
        CliRun missing = run("check");
        assertEquals(1, missing.code());
        assertTrue(missing.err().contains("marked in the catalog:"), missing.err());
        Files.move(away, pack);

        CliRun headers = run("check");
        assertEquals(0, headers.code(), headers.out());
        assertFalse(headers.err().contains("cleared"), "headers alone prove nothing: " + headers.err());
        CliRun read = run("check", "--read-data");
        assertEquals(0, read.code(), read.out());
        assertTrue(
                read.err()
                        .matches("(?s)cleared in the catalog: \\d+ blob locations marked bad were read and"
                                + " verified intact.*"),
                read.err());
        assertEquals("", run("check", "--read-data").err(), "nothing left to clear");
        CliRun backup = run("backup", "--lock", "none", "--json", store.toString());
        assertEquals(0, backup.code(), backup.err());
        assertTrue(backup.out().contains("\"blobsNew\":0,"), "deduplicated against the pack again: " + backup.out());
    }

    @Test
    void badSubsetSpecsAreUsageErrors() throws Exception {
        assertEquals(0, run("init").code());
        assertEquals(2, run("check", "--read-data-subset", "0/24").code());
        assertEquals(2, run("check", "--read-data-subset", "half").code());
        assertEquals(2, run("check", "--read-data", "--read-data-subset", "1/2").code());
    }
}
