package org.mailsnap.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The mailsnap adapter against the CLI contract, and where each tool's restore lands. */
class MailsnapTest {
    private static final String BACKUP_JSON = "{\"snapshot\":\"0dd69781ca41\",\"time\":\"2026-11-29T04:17:35Z\","
            + "\"messages\":320,\"newMessages\":320,\"bytesRead\":7260787,\"storedBytes\":4474781,"
            + "\"lockHoldMaxMillis\":36.238172,\"lockHoldTotalMillis\":51.49,\"durationMillis\":1182.7}";
    private final Mailsnap mailsnap = new Mailsnap(Path.of("/src/mailsnap/bin/mailsnap"), Path.of("/w/mailsnap"));

    @Test
    void backupJsonGivesTheSnapshotAndTheFigures() throws IOException {
        Measurement m = measurement("mailsnap: note: something\n" + BACKUP_JSON + "\n");
        assertEquals("0dd69781ca41", mailsnap.snapshotOf(m, "initial"));
        assertEquals(36.238172, (Double) mailsnap.backupDetails(m).get("lockHoldMaxMillis"), 1e-9);
        assertEquals(4474781L, mailsnap.backupDetails(m).get("storedBytes"));
    }

    @Test
    void outputOutsideTheContractIsAnErrorThatSaysWhatIsMissing() {
        IOException missing = assertThrows(
                IOException.class,
                () -> mailsnap.backupDetails(measurement(BACKUP_JSON.replace("\"lockHoldMaxMillis\":36.238172,", ""))));
        assertTrue(missing.getMessage().contains("[lockHoldMaxMillis]"), missing.getMessage());
        IOException text = assertThrows(
                IOException.class, () -> mailsnap.backupDetails(measurement("snapshot 0dd69781ca41 saved\n")));
        assertTrue(text.getMessage().contains("no JSON object"), text.getMessage());
    }

    @Test
    void commandsFollowTheContract() {
        assertEquals(
                List.of("/src/mailsnap/bin/mailsnap", "backup", "--json", "--lock", "none", "/s"),
                mailsnap.backupCommand(Path.of("/s"), "initial"));
        assertEquals(
                List.of(
                        "/src/mailsnap/bin/mailsnap",
                        "restore",
                        "--snapshot",
                        "abc",
                        "--target",
                        "/t",
                        "--mailbox",
                        "example.de/anna"),
                mailsnap.restoreCommand("abc", Path.of("/s"), "example.de/anna", Path.of("/t")));
        assertEquals(
                List.of("/src/mailsnap/bin/mailsnap", "restore", "--snapshot", "abc", "--target", "/t"),
                mailsnap.restoreCommand("abc", Path.of("/s"), Tool.WHOLE_STORE, Path.of("/t")),
                "the whole store: no --mailbox");
        assertEquals("/w/mailsnap/repository", mailsnap.environment().get("MAILSNAP_REPOSITORY"));
        assertEquals("/w/mailsnap/catalog", mailsnap.environment().get("MAILSNAP_CATALOG"));
        assertEquals(Path.of("/src/mailsnap"), mailsnap.sourceRoot());
    }

    @Test
    void eachToolRestoresTheMailboxOrStoreWhereItsLayoutPutsIt() throws IOException {
        Path store = Path.of("/tmp/work/store");
        Path target = Path.of("/t");
        assertEquals(target, mailsnap.restoredPart(target, store, "example.de/anna"));
        assertEquals(target, mailsnap.restoredPart(target, store, Tool.WHOLE_STORE));
        Restic restic = new Restic(Path.of("/usr/bin/restic"), Path.of("/w/restic"));
        assertEquals(
                Path.of("/t/tmp/work/store/example.de/anna"), restic.restoredPart(target, store, "example.de/anna"));
        assertEquals(Path.of("/t/tmp/work/store"), restic.restoredPart(target, store, Tool.WHOLE_STORE));
        assertEquals(
                "/tmp/work/store/example.de/anna",
                restic.restoreCommand("1a2b", store, "example.de/anna", target).get(8));
        assertEquals(
                "/tmp/work/store",
                restic.restoreCommand("1a2b", store, Tool.WHOLE_STORE, target).get(8));
        assertEquals("1a2b3c4d", restic.snapshotOf(measurement("processed 3 files\nsnapshot 1a2b3c4d saved\n"), "x"));
        assertThrows(IOException.class, () -> restic.snapshotOf(measurement("Fatal: wrong password\n"), "x"));
        Borg borg = new Borg(Path.of("/usr/bin/borg"), Path.of("/w/borg"));
        assertEquals(
                List.of("/usr/bin/borg", "extract", "/w/borg/repository::initial", "tmp/work/store/example.de/anna"),
                borg.restoreCommand("initial", store, "example.de/anna", target));
        assertEquals(
                List.of("/usr/bin/borg", "extract", "/w/borg/repository::initial", "tmp/work/store"),
                borg.restoreCommand("initial", store, Tool.WHOLE_STORE, target));
        assertEquals(Path.of("/t/tmp/work/store"), borg.restoredPart(target, store, Tool.WHOLE_STORE));
        assertEquals(target, borg.restoreWorkingDirectory(target));
    }

    private static Measurement measurement(String stdout) {
        return new Measurement("cmd", 1, 1, 0, stdout, "");
    }
}
