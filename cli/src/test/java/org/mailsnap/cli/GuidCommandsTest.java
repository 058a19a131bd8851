package org.mailsnap.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A message Dovecot re-based (moved back into a folder whose uidlist knew its base: a new base, its GUID in the
 * uidlist's {@code G} extension) as the commands show it: {@code diff} calls it a move, {@code ls} and {@code find}
 * show its GUID, {@code find --guid} finds it.
 */
class GuidCommandsTest {
    private static final String GUID = "1796403632.M697596P18646.vm,S=40,W=42";
    private static final String REBASED = "1796403632.M732777P18646.vm,S=40,W=42";

    @TempDir
    Path tmp;

    final Map<String, String> env = new HashMap<>();

    CliRun run(String... args) {
        return CliRun.of(env, args);
    }

    @Test
    void aRebasedMoveIsAMoveInDiffAndItsGuidIsShownAndFound() throws Exception {
        env.put("MAILSNAP_REPOSITORY", tmp.resolve("repo").toString());
        env.put("MAILSNAP_PASSWORD", "correct horse");
        env.put("MAILSNAP_CATALOG", tmp.resolve("catalog").toString());
        env.put("MAILSNAP_CONFIG", "/dev/null");
        Path store = tmp.resolve("store");
        Path inbox = store.resolve("u");
        Path archive = inbox.resolve(".Archive");
        for (Path folder : new Path[] {inbox, archive}) {
            for (String d : new String[] {"cur", "new", "tmp"}) {
                Files.createDirectories(folder.resolve(d));
            }
        }
        Files.writeString(archive.resolve("maildirfolder"), "");
        String body = "Subject: moved\r\n\r\n" + "x".repeat(40 - 20) + "\r\n"; // 40 bytes, as S=40 says
        assertEquals(40, body.length());
        Files.writeString(archive.resolve("cur/" + GUID + ":2,S"), body);
        Files.writeString(archive.resolve("dovecot-uidlist"), "3 V1796403000 N2\n1 :" + GUID + "\n");
        Files.writeString(inbox.resolve("dovecot-uidlist"), "3 V1796403001 N2\n1 :" + GUID + "\n");
        assertEquals(0, run("init").code());
        assertEquals(0, run("backup", "--lock", "none", store.toString()).code());

        // Archive -> INBOX: INBOX's uidlist knew the base, so Dovecot gives the file a new one and keeps the GUID
        Files.move(archive.resolve("cur/" + GUID + ":2,S"), inbox.resolve("cur/" + REBASED + ":2,S"));
        Files.writeString(archive.resolve("dovecot-uidlist"), "3 V1796403000 N2\n");
        Files.writeString(
                inbox.resolve("dovecot-uidlist"),
                "3 V1796403001 N3\n1 :" + GUID + "\n2 G" + GUID + " :" + REBASED + "\n");
        age(store);
        CliRun second = run("backup", "--lock", "none", "--json", store.toString());
        assertEquals(0, second.code(), second.err());
        assertTrue(second.out().contains("\"newMessages\":0"), second.out());

        CliRun snapshots = run("snapshots", "--json");
        String[] ids = snapshots.out().split("\"id\":\"");
        String first = ids[1].substring(0, 12);
        String last = ids[2].substring(0, 12);
        CliRun diff = run("diff", first, last, "--long");
        assertEquals(0, diff.code(), diff.err());
        assertTrue(diff.out().contains("> .Archive -> INBOX: "), diff.out());
        assertTrue(diff.out().contains("  moved  "), "mail first: its Subject: " + diff.out());
        assertTrue(diff.out().contains("cur/" + REBASED + ":2,S (was " + GUID + ":2,S, same GUID)"), diff.out());
        assertTrue(diff.out().contains("0 added, 0 expunged, 1 moved"), diff.out());

        CliRun ls = run("ls", last, "--mailbox", "u", "--folder", "INBOX", "--long");
        assertTrue(ls.out().contains(REBASED + ":2,S  guid " + GUID) && ls.out().contains("  seen  "), ls.out());
        CliRun find = run("find", "--guid", GUID);
        assertTrue(find.out().contains("guid: " + GUID) && find.out().contains("1 found"), find.out());
        assertTrue(run("find", "--guid", REBASED).out().contains("0 found"), "the new base is not a message");
    }

    private static void age(Path root) throws Exception {
        FileTime hourAgo = FileTime.from(Instant.now().minusSeconds(3600));
        try (Stream<Path> dirs = Files.walk(root)) {
            for (Path d : (Iterable<Path>) dirs.filter(Files::isDirectory)::iterator) {
                Files.setLastModifiedTime(d, hourAgo);
            }
        }
    }
}
