package org.mailsnap.cli;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code stats} on a store small enough to know every figure: two mailboxes that both hold one list message (the
 * same bytes, so the same blobs, stored once) and one message each of their own.
 */
class StatsCliTest {
    private static final String LIST_MAIL = "From: list@example.net\r\nSubject: the list\r\n\r\n"
            + "a long list body that everybody gets\r\n".repeat(40);

    @TempDir
    Path tmp;

    final Map<String, String> env = new HashMap<>();
    Path store;

    CliRun run(String... args) {
        return CliRun.logged(env, args);
    }

    @BeforeEach
    void twoMailboxes() throws Exception {
        env.putAll(CliRun.repositoryIn(tmp, "correct horse"));
        store = tmp.resolve("store");
        for (String user : new String[] {"anne", "bob"}) {
            Path box = store.resolve("example.org").resolve(user);
            for (String d : new String[] {"cur", "new", "tmp"}) {
                Files.createDirectories(box.resolve(d));
            }
            Files.writeString(box.resolve("cur/1700000000.M1P1.host:2,S"), LIST_MAIL);
            Files.writeString(
                    box.resolve("cur/1700000001.M2P1.host:2,S"),
                    "Subject: for " + user + "\r\n\r\n" + ("only " + user + " has this\r\n").repeat(30));
        }
        assertEquals(0, run("init").code());
        assertEquals(0, run("backup", "--lock", "none", store.toString()).code());
    }

    @Test
    void figuresOfTwoMailboxesSharingAListMessage() throws Exception {
        Files.writeString(store.resolve("example.org/bob/new/1700000002.M3P1.host"), "Subject: later\r\n\r\nnew\r\n");
        assertEquals(0, run("backup", "--lock", "none", store.toString()).code());

        Map<String, Object> all = JsonOutputTest.object(run("stats", "--json"));
        JsonOutputTest.keys(
                all,
                "snapshots",
                "oldest",
                "newest",
                "packs",
                "packBytes",
                "logicalBytes",
                "referencedBlobs",
                "rawBytes",
                "storedBytes",
                "messageRawBytes",
                "deduplicationRatio",
                "compressionRatio",
                "sharedBlobs",
                "sharedStoredBytes",
                "sharingSavedBytes",
                "messages",
                "mailboxes",
                "newestMessages",
                "newestMailboxes",
                "spanDays",
                "grownBytes",
                "growthBytesPerDay");
        assertEquals(2L, number(all, "snapshots"));
        assertEquals(2L, number(all, "mailboxes"));
        assertEquals(4L, number(all, "messages"), "the list message once, one of each, the later one");
        assertEquals(5L, number(all, "newestMessages"), "placements of the newest snapshot");
        // a version 3 placement chunk names content by ordinals, so the first snapshot's two INBOXes (two messages
        // each, the same flags) share theirs (format-spec/snapshots.md)
        assertEquals(3L, number(all, "sharedBlobs"), "the list message's header and body, one placement chunk");
        assertEquals(
                number(all, "sharedStoredBytes"), number(all, "sharingSavedBytes"), "two mailboxes: one copy saved");
        long listBytes = LIST_MAIL.length();
        long firstSnapshot = 2 * listBytes
                + Files.size(store.resolve("example.org/anne/cur/1700000001.M2P1.host:2,S"))
                + Files.size(store.resolve("example.org/bob/cur/1700000001.M2P1.host:2,S"));
        long later = Files.size(store.resolve("example.org/bob/new/1700000002.M3P1.host"));
        assertEquals(2 * firstSnapshot + later, number(all, "logicalBytes"));
        assertEquals(
                (double) number(all, "logicalBytes") / number(all, "messageRawBytes"),
                ((Number) all.get("deduplicationRatio")).doubleValue(),
                1e-9);
        assertEquals(
                firstSnapshot - listBytes + later,
                number(all, "messageRawBytes"),
                "every message once, the list message once for both mailboxes");
        assertTrue(((Number) all.get("compressionRatio")).doubleValue() > 1.5, "repetitive text compresses");
        assertTrue(number(all, "packBytes") > number(all, "storedBytes"), "packs have headers too");
        assertTrue(((Number) all.get("growthBytesPerDay")).doubleValue() > 0, all.toString());

        Map<String, Object> anne =
                mailbox(JsonOutputTest.object(run("stats", "--json", "--mailbox", "example.org/anne")));
        JsonOutputTest.keys(
                anne, "name", "snapshots", "messages", "referencedBytes", "ownBytes", "ownBlobs", "sharedBytes");
        assertEquals(2L, number(anne, "snapshots"));
        assertEquals(2L, number(anne, "messages"));
        assertEquals(number(all, "sharedStoredBytes"), number(anne, "sharedBytes"));
        assertEquals(number(anne, "referencedBytes"), number(anne, "ownBytes") + number(anne, "sharedBytes"));
        assertEquals(4L, number(anne, "ownBlobs"), "her message's header and body, her content chunk and its index");

        Map<String, Object> nobody =
                mailbox(JsonOutputTest.object(run("stats", "--json", "--mailbox", "example.org/nobody")));
        assertEquals(0L, number(nobody, "snapshots"));
        assertEquals(0L, number(nobody, "referencedBytes"));

        CliRun text = run("stats", "--mailbox", "example.org/anne");
        assertEquals(0, text.code(), text.err());
        assertTrue(text.out().contains("across mailboxes:     3 blobs"), text.out());
        assertTrue(text.out().contains("mailbox example.org/anne: in 2 snapshots, 2 distinct messages"), text.out());
    }

    @Test
    void oneSnapshotHasNoGrowthYet() {
        Map<String, Object> all = JsonOutputTest.object(run("stats", "--json"));
        assertNull(all.get("growthBytesPerDay"));
        assertTrue(run("stats").out().contains("growth per day:       unknown (one moment only)"));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> mailbox(Map<String, Object> stats) {
        return (Map<String, Object>) stats.get("mailbox");
    }

    private static long number(Map<String, Object> o, String key) {
        return ((Number) o.get(key)).longValue();
    }
}
