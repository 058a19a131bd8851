package org.mailsnap.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mailsnap.backup.BackupProgress;
import org.mailsnap.mailgen.StoreGenerator;
import org.mailsnap.mailgen.StoreSpec;

/** {@code --json-progress}: JSON lines on stderr as the README's schema says, the result alone on stdout. */
class JsonProgressTest {
    private static final Set<String> COMMON = Set.of("event", "command", "elapsedSeconds", "percentDone", "etaSeconds");

    @TempDir
    Path tmp;

    private final Map<String, String> env = new HashMap<>();
    private Path store;

    @BeforeEach
    void repositoryAndStore() throws IOException {
        env.put("MAILSNAP_REPOSITORY", tmp.resolve("repo").toString());
        env.put("MAILSNAP_PASSWORD", "progressing");
        env.put("MAILSNAP_CATALOG", tmp.resolve("catalog").toString());
        env.put(
                "MAILSNAP_CONFIG",
                Files.writeString(tmp.resolve("empty.conf"), "").toString());
        assertEquals(0, CliRun.of(env, "init").code());
        store = tmp.resolve("store");
        new StoreGenerator(
                        StoreSpec.tiny().toBuilder()
                                .seed(7)
                                .mailboxes(3)
                                .messagesPerMailbox(6)
                                .build(),
                        1)
                .generate(store);
    }

    @Test
    void backupWritesProgressEventsOnStderrAndItsResultOnStdout() {
        CliRun backup = CliRun.of(env, "backup", "--lock", "none", "--json", "--json-progress", store.toString());
        assertEquals(0, backup.code(), backup.err());
        assertEquals(1, backup.out().lines().count(), backup.out());
        assertTrue(Json.parse(backup.out().strip()) instanceof Map<?, ?>, backup.out());

        List<Map<String, Object>> events = events(backup.err());
        Map<String, Object> last = events.get(events.size() - 1);
        assertEquals(true, last.get("final"), "the last event is marked: " + backup.err());
        events.subList(0, events.size() - 1).forEach(e -> assertFalse(e.containsKey("final"), e.toString()));
        for (Map<String, Object> e : events) {
            assertTrue(e.keySet().containsAll(COMMON), e.toString());
            assertEquals("progress", e.get("event"));
            assertEquals("backup", e.get("command"));
            assertTrue(
                    e.keySet()
                            .containsAll(Set.of(
                                    "mailboxesDone", "mailboxesTotal", "messagesSeen", "messagesRead", "bytesRead")),
                    e.toString());
        }
        assertEquals(3L, number(last, "mailboxesDone"));
        assertEquals(3L, number(last, "mailboxesTotal"));
        assertEquals(100.0, ((Number) last.get("percentDone")).doubleValue());
        assertNull(last.get("etaSeconds"), "nothing left");
        Map<?, ?> result = (Map<?, ?>) Json.parse(backup.out().strip());
        assertEquals(number(result, "newMessages"), number(last, "messagesRead"));
        assertEquals(number(result, "bytesRead"), number(last, "bytesRead"));
    }

    @Test
    void catalogRebuildWritesProgressEvents() {
        assertEquals(
                0, CliRun.of(env, "backup", "--lock", "none", store.toString()).code());
        CliRun rebuild = CliRun.of(env, "catalog", "rebuild", "--json-progress");
        assertEquals(0, rebuild.code(), rebuild.err());
        Map<String, Object> last =
                events(rebuild.err()).get(events(rebuild.err()).size() - 1);
        assertEquals("catalog rebuild", last.get("command"));
        assertEquals(true, last.get("final"));
        assertEquals(1L, number(last, "snapshotsDone"));
        assertEquals(1L, number(last, "snapshotsTotal"));
        assertEquals(18L, number(last, "messagesIndexed"));
    }

    @Test
    void checkWritesProgressEventsCountingPacksReadAndSnapshots() {
        assertEquals(
                0, CliRun.of(env, "backup", "--lock", "none", store.toString()).code());
        CliRun check = CliRun.of(env, "check", "--read-data", "--json", "--json-progress");
        assertEquals(0, check.code(), check.err());
        assertTrue(Json.parse(check.out().strip()) instanceof Map<?, ?>, check.out());
        List<Map<String, Object>> events = events(check.err());
        Map<String, Object> last = events.get(events.size() - 1);
        assertEquals("check", last.get("command"));
        assertEquals(true, last.get("final"));
        assertEquals(number(last, "indexFilesTotal"), number(last, "indexFilesDone"));
        assertEquals(1L, number(last, "snapshotsDone"));
        assertEquals(1L, number(last, "snapshotsTotal"));
        assertTrue(number(last, "packsRead") >= 1, last.toString());
        assertTrue(number(last, "blobsRead") >= 18, "every message's blobs verified: " + last);
        assertEquals(100.0, ((Number) last.get("percentDone")).doubleValue());
    }

    @Test
    void restoreWritesProgressEventsCountingFoldersAndMessages() {
        assertEquals(
                0, CliRun.of(env, "backup", "--lock", "none", store.toString()).code());
        CliRun restore = CliRun.of(
                env,
                "restore",
                "-s",
                "latest",
                "--target",
                tmp.resolve("restored").toString(),
                "--json",
                "--json-progress");
        assertEquals(0, restore.code(), restore.err());
        Map<?, ?> result = (Map<?, ?>) Json.parse(restore.out().strip());
        Map<String, Object> last =
                events(restore.err()).get(events(restore.err()).size() - 1);
        assertEquals("restore", last.get("command"));
        assertEquals(true, last.get("final"));
        assertEquals(number(result, "folders"), number(last, "foldersTotal"));
        assertEquals(number(last, "foldersTotal"), number(last, "foldersDone"));
        assertEquals(18L, number(last, "messagesWritten"));
        assertEquals(number(result, "messages"), number(last, "messagesWritten"));
        assertEquals(number(result, "bytes"), number(last, "bytesWritten"));
        assertEquals(0L, number(last, "messagesSkipped"));
        assertEquals(100.0, ((Number) last.get("percentDone")).doubleValue());
    }

    @Test
    void pruneWritesProgressEventsWithItsPhase() {
        assertEquals(
                0, CliRun.of(env, "backup", "--lock", "none", store.toString()).code());
        CliRun prune = CliRun.of(env, "prune", "--json-progress");
        assertEquals(0, prune.code(), prune.err());
        Map<String, Object> last = events(prune.err()).get(events(prune.err()).size() - 1);
        assertEquals("prune", last.get("command"));
        assertEquals(true, last.get("final"));
        assertTrue(last.get("phase") instanceof String, last.toString());
        assertNull(last.get("percentDone"), "prune knows no total");
        assertTrue(
                last.keySet()
                        .containsAll(Set.of(
                                "indexFilesRead",
                                "snapshotsMarked",
                                "liveBlobs",
                                "packsRepacked",
                                "bytesRepacked",
                                "objectsDeleted")),
                last.toString());
        assertEquals(1L, number(last, "snapshotsMarked"));
    }

    @Test
    void quietOrNotAskedMeansNoProgressWithoutATerminal() {
        CliRun quiet = CliRun.of(env, "backup", "--lock", "none", "--json-progress", "--quiet", store.toString());
        assertEquals(0, quiet.code(), quiet.err());
        assertEquals("", quiet.err());
        CliRun plain = CliRun.of(env, "backup", "--lock", "none", "--json", store.toString());
        assertEquals(0, plain.code(), plain.err());
        assertEquals("", plain.err(), "--json alone asks for the result only");
    }

    @Test
    void theShareDoneAndTheTimeLeftAreNumbersOrNull() {
        Map<String, Object> start = ProgressEvents.backup(new BackupProgress(), 0);
        assertNull(start.get("percentDone"), "no total yet");
        assertNull(start.get("etaSeconds"));
        assertEquals(15L, ProgressLines.etaSeconds(1, 4, 5));
        assertNull(ProgressLines.etaSeconds(4, 4, 5));
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> events(String stderr) {
        List<Map<String, Object>> events =
                stderr.lines().map(l -> (Map<String, Object>) Json.parse(l)).toList();
        assertFalse(events.isEmpty(), "no event at all");
        return events;
    }

    private static long number(Map<?, ?> object, String key) {
        return ((Number) object.get(key)).longValue();
    }
}
