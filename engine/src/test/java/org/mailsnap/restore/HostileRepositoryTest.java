package org.mailsnap.restore;

import static org.junit.jupiter.api.Assertions.*;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.mailsnap.backup.BackupFixture;
import org.mailsnap.history.SnapshotStore;
import org.mailsnap.maildir.Maildirs;
import org.mailsnap.model.BaseNames;
import org.mailsnap.model.BlobId;
import org.mailsnap.model.BlobType;
import org.mailsnap.model.FolderKey;
import org.mailsnap.model.MessageContent;
import org.mailsnap.model.Placement;
import org.mailsnap.model.SnapshotId;
import org.mailsnap.repository.BlobStore;
import org.mailsnap.snapshot.ControlFile;
import org.mailsnap.snapshot.FolderEntry;
import org.mailsnap.snapshot.ManifestWriter;
import org.mailsnap.snapshot.Snapshot;
import org.mailsnap.snapshot.SnapshotStats;
import org.mailsnap.snapshot.TreeWriter;

/**
 * A hostile repository (one whose key was stolen, say) holds snapshots whose names try to leave the restore target.
 * The snapshot package's writers encode any name, so such snapshots are crafted here with the real blob store and
 * object store; the readers must refuse them and the restore must fail with a clear error having written nothing
 * outside its target, in both modes.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HostileRepositoryTest {
    /** Where the hostile name sits, and what it is. */
    enum Attack {
        MESSAGE_PARENT("victim", "", "../../escaped", "dovecot-uidlist"),
        MESSAGE_SLASH("victim", "", "cur/../../../escaped", "dovecot-uidlist"),
        MESSAGE_DOTDOT("victim", "", "..", "dovecot-uidlist"),
        MESSAGE_NUL("victim", "", "escaped\0:2,S", "dovecot-uidlist"),
        FOLDER_PARENT("victim", "../../escaped", "1700000001.M1P1.h:2,S", "dovecot-uidlist"),
        FOLDER_ABSOLUTE("victim", "/tmp/escaped", "1700000001.M1P1.h:2,S", "dovecot-uidlist"),
        FOLDER_INNER_DOTDOT("victim", ".Sent/../../escaped", "1700000001.M1P1.h:2,S", "dovecot-uidlist"),
        MAILBOX_PARENT("../escaped", "", "1700000001.M1P1.h:2,S", "dovecot-uidlist"),
        MAILBOX_INNER_DOTDOT("a/../../escaped", "", "1700000001.M1P1.h:2,S", "dovecot-uidlist"),
        MAILBOX_ABSOLUTE("/tmp/escaped", "", "1700000001.M1P1.h:2,S", "dovecot-uidlist"),
        CONTROL_PARENT("victim", "", "1700000001.M1P1.h:2,S", "../escaped"),
        CONTROL_SUBDIR("victim", "", "1700000001.M1P1.h:2,S", "cur/escaped"),
        CONTROL_EMPTY("victim", "", "1700000001.M1P1.h:2,S", "");

        final String mailbox;
        final String folder;
        final String message;
        final String control;

        Attack(String mailbox, String folder, String message, String control) {
            this.mailbox = mailbox;
            this.folder = folder;
            this.message = message;
            this.control = control;
        }
    }

    /** Everything of the class lives here; restores go a few levels down, so "../.." stays inside and is seen. */
    private Path tmp;
    /** One repository for all attacks (each has its own snapshot): a repository per case costs a second each. */
    private BackupFixture fixture;

    @BeforeAll
    void open(@TempDir Path dir) throws IOException {
        tmp = dir;
        fixture = new BackupFixture(tmp.resolve("backup"));
    }

    @AfterAll
    void close() throws IOException {
        fixture.close();
    }

    @ParameterizedTest
    @EnumSource(Attack.class)
    void intoAnEmptyTargetIsRefusedAndNothingLeavesTheTarget(Attack attack) throws Exception {
        SnapshotId id = craft(attack);
        Path parent = Files.createDirectories(tmp.resolve("a/b/restores-" + attack));
        Path target = parent.resolve("target");
        Set<String> outside = everythingUnder(tmp, target);
        // Every mailbox (the whole store) for a hostile mailbox name, else the victim.
        String mailbox = attack.mailbox.equals("victim") ? "victim" : null;

        IOException e = assertThrows(
                IOException.class,
                () -> fixture.restore(id, new RestoreRequest(mailbox, null, null, target, RestoreMode.EMPTY_TARGET)));
        assertTrue(
                e.getMessage().contains("unsafe") && e.getMessage().contains("rejected"),
                attack + ": a clear refusal: " + e.getMessage());
        assertEquals(outside, everythingUnder(tmp, target), attack + ": nothing written outside the target");
        assertNoEscapedFile(attack);
    }

    @ParameterizedTest
    @EnumSource(
            value = Attack.class,
            names = {"MESSAGE_.*", "FOLDER_.*"},
            mode = EnumSource.Mode.MATCH_ANY)
    void mergedIntoALiveMailboxIsRefusedAndNothingLeavesIt(Attack attack) throws Exception {
        SnapshotId id = craft(attack);
        Path live = Maildirs.maildir(tmp.resolve("a/b/mail-" + attack + "/victim"));
        Maildirs.message(live, "cur", "1600000000.M1P1.h:2,S");
        Set<String> outside = everythingUnder(tmp, live);

        IOException e = assertThrows(
                IOException.class,
                () -> fixture.restore(id, new RestoreRequest("victim", null, null, live, RestoreMode.MERGE)));
        assertTrue(
                e.getMessage().contains("unsafe") && e.getMessage().contains("rejected"),
                attack + ": a clear refusal: " + e.getMessage());
        assertEquals(outside, everythingUnder(tmp, live), attack + ": nothing written outside the mailbox");
        assertNoEscapedFile(attack);
    }

    /**
     * Writes blobs and a snapshot object holding one folder of one message and one control file, with the attack's
     * names; returns the snapshot's id.
     */
    private SnapshotId craft(Attack attack) throws IOException {
        BlobStore blobs = fixture.repository.openBlobStore(fixture.catalog.blobs());
        byte[] header = "Subject: hostile\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
        byte[] body = "escaped\r\n".getBytes(StandardCharsets.US_ASCII);
        MessageContent content = new MessageContent(
                blobs.put(BlobType.DATA, header), List.of(blobs.put(BlobType.DATA, body)), header.length + body.length);
        byte[] seed = fixture.repository.chunkerSeed();
        ManifestWriter manifest = new ManifestWriter(ManifestWriter.Chunkers.of(seed), BaseNames.DOVECOT, blobs::put);
        FolderKey key = new FolderKey(attack.mailbox, attack.folder);
        manifest.folder(key, List.of(new Placement(attack.message, true, 0, content)));
        BlobId controlBytes = blobs.put(BlobType.DATA, body);
        FolderEntry folder = new FolderEntry(
                key,
                0,
                0,
                1,
                content.size(),
                manifest.finish().get(key),
                List.of(new ControlFile(attack.control, 0, body.length, List.of(controlBytes))));
        TreeWriter tree = new TreeWriter(TreeWriter.chunker(seed), blobs::put);
        tree.add(folder);
        List<BlobId> treeIds = tree.finish();
        blobs.flush();
        Snapshot snapshot = new Snapshot(
                Instant.parse("2024-05-14T10:00:00Z"),
                "evil",
                "/srv/mail",
                ':',
                "",
                List.of(),
                treeIds,
                new SnapshotStats(1, 1, 1, content.size(), 0, 0, 0, 0, 0, 0, List.of()));
        return SnapshotStore.save(fixture.repository, snapshot);
    }

    /** Every path under {@code root}, except those under {@code target}. */
    private static Set<String> everythingUnder(Path root, Path target) throws IOException {
        try (Stream<Path> all = Files.walk(root)) {
            return all.filter(p -> !p.startsWith(target))
                    .map(Path::toString)
                    .collect(java.util.stream.Collectors.toCollection(TreeSet::new));
        }
    }

    private void assertNoEscapedFile(Attack attack) throws IOException {
        assertFalse(Files.exists(Path.of("/tmp/escaped")), attack + ": nothing at the absolute path");
        // The body and control file say "escaped"; no file may carry it as a name anywhere in the test's tree.
        try (Stream<Path> all = Files.walk(tmp)) {
            List<Path> escaped = all.filter(p -> p.getFileName() != null
                            && p.getFileName().toString().contains("escaped"))
                    .toList();
            assertEquals(List.of(), escaped, attack + ": no file named by the attack anywhere near");
        }
    }
}
