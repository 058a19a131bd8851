package org.mailsnap.cli;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mailsnap.backup.Trees;
import org.mailsnap.model.BlobId;
import org.mailsnap.model.PackId;
import org.mailsnap.repository.IndexedBlob;
import org.mailsnap.repository.Repository;
import org.mailsnap.storage.Storages;

/**
 * {@code forget --mailbox} end to end: anne leaves. Her mailbox goes from every snapshot; after prune no blob of
 * hers that bob does not share is left in any pack (looked up by blob id in the packs' own headers), while the body
 * she shared with bob and the list message both received stay and bob's mail restores exactly. An interrupted run
 * (its original left beside the replacement) is ignored by readers and finished by the next run.
 */
class ForgetMailboxCliTest {
    private static final String PASSWORD = "correct horse";
    private static final String ANNE = "example.org/anne";
    private static final String LIST_MAIL =
            "From: list@example.net\r\nSubject: the list\r\n\r\n" + "the list body both of them get\r\n".repeat(40);
    private static final String SHARED_BODY = "the minutes of the meeting, sent to both\r\n".repeat(30);
    private static final String ANNE_HEADER =
            "From: boss@example.org\r\nTo: anne@example.org\r\nSubject: minutes\r\n\r\n";
    private static final String ANNE_OWN_HEADER = "From: doctor@example.net\r\nSubject: your results\r\n\r\n";
    private static final String ANNE_OWN_BODY = "private: only anne may ever read this\r\n".repeat(25);

    @TempDir
    Path tmp;

    final Map<String, String> env = new HashMap<>();
    Path store;

    CliRun run(String... args) {
        return CliRun.logged(env, args);
    }

    @BeforeEach
    void annAndBob() throws Exception {
        env.putAll(CliRun.repositoryIn(tmp, PASSWORD));
        store = tmp.resolve("store");
        Path anne = mailbox("anne");
        Path bob = mailbox("bob");
        Files.writeString(anne.resolve("cur/1700000000.M1P1.host:2,S"), LIST_MAIL);
        Files.writeString(bob.resolve("cur/1700000000.M1P1.host:2,S"), LIST_MAIL);
        Files.writeString(anne.resolve("cur/1700000001.M2P1.host:2,S"), ANNE_HEADER + SHARED_BODY);
        Files.writeString(
                bob.resolve("cur/1700000001.M2P1.host:2,S"),
                "From: boss@example.org\r\nTo: bob@example.org" + "\r\nSubject: minutes\r\n\r\n" + SHARED_BODY);
        Files.writeString(anne.resolve(".Sent/cur/1700000002.M3P1.host:2,S"), ANNE_OWN_HEADER + ANNE_OWN_BODY);
        assertEquals(0, run("init").code());
        assertEquals(0, run("backup", "--lock", "none", store.toString()).code());
        Files.writeString(bob.resolve("new/1700000003.M4P1.host"), "Subject: later\r\n\r\nfor bob\r\n");
        assertEquals(0, run("backup", "--lock", "none", store.toString()).code());
    }

    private Path mailbox(String user) throws Exception {
        Path box = store.resolve("example.org").resolve(user);
        for (String d : new String[] {"cur", "new", "tmp", ".Sent/cur", ".Sent/new", ".Sent/tmp"}) {
            Files.createDirectories(box.resolve(d));
        }
        return box;
    }

    @Test
    void anneIsForgottenEverywhereAndWhatBobSharesStays() throws Exception {
        Set<BlobId> annesOwn;
        Set<BlobId> shared;
        try (Opened r = open()) {
            annesOwn = Set.of(
                    r.repo.blobId(bytes(ANNE_HEADER)),
                    r.repo.blobId(bytes(ANNE_OWN_HEADER)),
                    r.repo.blobId(bytes(ANNE_OWN_BODY)));
            shared = Set.of(
                    r.repo.blobId(bytes(SHARED_BODY)),
                    r.repo.blobId(bytes(LIST_MAIL.substring(0, LIST_MAIL.indexOf("\r\n\r\n") + 4))));
            assertTrue(r.blobsInPacks().containsAll(annesOwn), "her blobs are stored before");
        }
        Map<String, Object> before = mailboxShare(ANNE);
        assertEquals(2L, ((Number) before.get("snapshots")).longValue());
        assertTrue(((Number) before.get("ownBytes")).longValue() > 0, before.toString());
        NavigableSet<String> snapshotsBefore = CrashedRuns.snapshotIds(tmp);
        assertTrue(
                run("find", "--mailbox", ANNE, "--subject", "results").out().contains("your results"), "found before");

        CliRun dry = run("forget", "--mailbox", ANNE, "--dry-run");
        assertEquals(0, dry.code(), dry.err());
        assertTrue(dry.out().contains("would remove example.org/anne from 2 snapshots"), dry.out());
        assertEquals(snapshotsBefore, CrashedRuns.snapshotIds(tmp), "a dry run changes nothing");

        CliRun forget = run("forget", "--mailbox", ANNE, "--prune", "--max-unused", "0%");
        assertEquals(0, forget.code(), forget.err());
        assertTrue(forget.out().contains("removed example.org/anne from 2 snapshots"), forget.out());
        NavigableSet<String> after = CrashedRuns.snapshotIds(tmp);
        assertEquals(2, after.size());
        assertTrue(after.stream().noneMatch(snapshotsBefore::contains), "both replaced: " + after);

        try (Opened r = open()) {
            Set<BlobId> left = r.blobsInPacks();
            for (BlobId id : annesOwn) {
                assertFalse(left.contains(id), "a blob only anne referenced is still in a pack: " + id);
            }
            assertTrue(left.containsAll(shared), "the body and the list mail bob shares stay");
        }
        Map<String, Object> gone = mailboxShare(ANNE);
        assertEquals(0L, ((Number) gone.get("snapshots")).longValue());
        assertEquals(0L, ((Number) gone.get("referencedBytes")).longValue());
        assertEquals(0L, ((Number) gone.get("ownBytes")).longValue());
        assertEquals(
                0L,
                ((Number) JsonOutputTest.object(run("stats", "--json")).get("sharedBlobs")).longValue(),
                "only bob references what was shared");

        for (String id : after) {
            Path target = tmp.resolve("restore-" + id.substring(0, 8));
            assertEquals(
                    0,
                    run("restore", "--snapshot", id, "--target", target.toString())
                            .code());
            assertFalse(Files.exists(target.resolve(ANNE)), "anne restored from " + id);
        }
        Path latest = tmp.resolve("restore-latest");
        assertEquals(
                0,
                run("restore", "--snapshot", "latest", "--target", latest.toString())
                        .code());
        assertEquals(
                List.of(),
                Trees.diff(
                        Trees.capture(store.resolve("example.org/bob")),
                        Trees.capture(latest.resolve("example.org/bob")),
                        p -> false),
                "bob's mail is whole");
        assertTrue(
                run("find", "--mailbox", ANNE, "--subject", "results")
                        .out()
                        .lines()
                        .noneMatch(l -> l.contains("results")),
                "the catalog's search index forgot her");
        CliRun check = run("check", "--read-data");
        assertEquals(0, check.code(), check.out());
    }

    @Test
    void anInterruptedRunLeavesTheOriginalIgnoredAndTheNextRunFinishes() throws Exception {
        NavigableSet<String> originals = CrashedRuns.snapshotIds(tmp);
        Path saved = Files.createDirectories(tmp.resolve("saved"));
        for (String id : originals) {
            Files.copy(tmp.resolve("repo/snapshots").resolve(id), saved.resolve(id));
        }
        assertEquals(0, run("forget", "--mailbox", ANNE).code());
        // what a kill between putting a replacement and deleting its original leaves
        String original = originals.first();
        Files.copy(saved.resolve(original), tmp.resolve("repo/snapshots").resolve(original));

        CliRun listed = run("snapshots", "--json");
        assertEquals(0, listed.code(), listed.err());
        assertFalse(listed.out().contains(original), "a superseded snapshot is not listed");
        assertEquals(2, listed.out().split("\"id\"").length - 1, listed.out());
        CliRun check = run("check");
        assertEquals(0, check.code(), check.out());
        assertTrue(check.out().contains("superseded by a replacement"), check.out());
        assertEquals(0L, ((Number) mailboxShare(ANNE).get("snapshots")).longValue(), "stats ignores it too");

        CliRun again = run("forget", "--mailbox", ANNE);
        assertEquals(0, again.code(), again.err());
        assertTrue(again.out().contains("deleted 1 superseded snapshots an interrupted run left"), again.out());
        assertTrue(again.out().contains("removed example.org/anne from 0 snapshots"), again.out());
        assertFalse(Files.exists(tmp.resolve("repo/snapshots").resolve(original)));
    }

    @Test
    void aPolicyAndAMailboxAreNotMixed() {
        CliRun mixed = run("forget", "--mailbox", ANNE, "--keep-last", "1");
        assertEquals(2, mixed.code());
        assertTrue(mixed.err().contains("takes no --keep-… policy"), mixed.err());
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> mailboxShare(String mailbox) {
        return (Map<String, Object>) JsonOutputTest.object(run("stats", "--json", "--mailbox", mailbox))
                .get("mailbox");
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private Opened open() throws Exception {
        return new Opened(Repository.open(Storages.open(tmp.resolve("repo").toString()), PASSWORD.toCharArray()));
    }

    /** The repository opened with its password, to look at the packs' own headers. */
    private record Opened(Repository repo) implements AutoCloseable {
        Set<BlobId> blobsInPacks() throws Exception {
            Set<BlobId> ids = new HashSet<>();
            for (PackId pack : repo.maintenance().listPacks().packs().keySet()) {
                for (IndexedBlob blob : repo.maintenance().readPackHeader(pack).blobs()) {
                    ids.add(blob.id());
                }
            }
            return ids;
        }

        @Override
        public void close() throws Exception {
            repo.close();
            repo.storage().close();
        }
    }
}
