package org.mailsnap.restore;

import static org.junit.jupiter.api.Assertions.*;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mailsnap.backup.BackupFixture;
import org.mailsnap.backup.Trees;
import org.mailsnap.history.CatalogSync;
import org.mailsnap.maildir.Maildirs;
import org.mailsnap.model.BlobLocation;
import org.mailsnap.model.FolderKey;
import org.mailsnap.model.Placement;
import org.mailsnap.model.SnapshotId;
import org.mailsnap.snapshot.BlobSource;

/**
 * A restore that meets content the repository cannot give back (a data pack deleted, or its bytes corrupted) writes
 * every other message, names each one it cannot (folder and file), leaves no partial file, and a resumed restore
 * after the repair writes exactly what is missing (issue 13).
 */
class RestoreDamageTest {
    private static final List<String> FIRST =
            List.of("cur/1700000001.M1P1.h:2,S", "cur/1700000002.M2P1.h:2,S", "new/1700000003.M3P1.h");
    /** Stored by the second backup only, so in packs of their own. */
    private static final List<String> SECOND = List.of("cur/1700000004.M4P1.h:2,S", ".Sent/cur/1700000005.M5P1.h:2,S");

    @TempDir
    Path tmp;

    private BackupFixture fixture;
    private Path mailbox;
    private SnapshotId snapshot;
    /** The data pack holding the second backup's messages. */
    private Path pack;

    @BeforeEach
    void twoBackups() throws IOException {
        mailbox = Maildirs.maildir(tmp.resolve("store/u"));
        for (String m : FIRST) {
            message(m);
        }
        fixture = new BackupFixture(tmp.resolve("backup"));
        fixture.backup(tmp.resolve("store"));
        Maildirs.folder(mailbox, ".Sent");
        for (String m : SECOND) {
            message(m);
        }
        snapshot = fixture.backup(tmp.resolve("store")).snapshotId();
        Placement second = fixture.placements(snapshot).get(new FolderKey("u", "")).stream()
                .filter(p -> p.name().equals("1700000004.M4P1.h:2,S"))
                .findFirst()
                .orElseThrow();
        BlobLocation location =
                fixture.catalog.blobs().find(second.content().header()).orElseThrow();
        pack = tmp.resolve("backup/repo/data/" + location.pack().hex().substring(0, 2) + "/"
                + location.pack().hex());
        assertTrue(Files.isRegularFile(pack), pack.toString());
    }

    @AfterEach
    void close() throws IOException {
        fixture.close();
    }

    @Test
    void aMissingPackCostsItsMessagesOnlyAndResumeFinishesAfterTheRepair() throws Exception {
        Path away = Files.move(pack, tmp.resolve("pack-away"));
        Path target = tmp.resolve("target");

        RestoreResult partial = restore(target, RestoreMode.EMPTY_TARGET);

        assertTrue(partial.partial());
        assertEquals(FIRST.size(), partial.messages(), "every message it could: " + partial.failures());
        assertNamed(partial.failures());
        for (String m : SECOND) {
            assertFalse(Files.exists(target.resolve(m)), "no partial file under its name: " + m);
        }
        assertTmpEmpty(target);

        IOException notEmpty = assertThrows(IOException.class, () -> restore(target, RestoreMode.EMPTY_TARGET));
        assertTrue(notEmpty.getMessage().contains("--resume"), notEmpty.getMessage());

        Files.move(away, pack);
        RestoreResult resumed = restore(target, RestoreMode.RESUME);

        assertEquals(List.of(), resumed.failures());
        assertEquals(SECOND.size(), resumed.messages(), "exactly what was missing");
        assertEquals(FIRST.size(), resumed.skipped(), "complete files are kept");
        assertEquals(
                List.of(),
                Trees.diff(Trees.capture(mailbox), Trees.capture(target), p -> false),
                "the snapshot, exactly");
    }

    @Test
    void corruptPackDataIsNamedTheSameWay() throws Exception {
        byte[] bytes = Files.readAllBytes(pack);
        for (int i = 64; i < bytes.length - 64; i += 7) {
            bytes[i] ^= 0x55; // every blob's ciphertext, not only one
        }
        Files.write(pack, bytes);
        Path target = tmp.resolve("target");

        RestoreResult partial = restore(target, RestoreMode.EMPTY_TARGET);

        assertEquals(FIRST.size(), partial.messages());
        assertNamed(partial.failures());
        assertTmpEmpty(target);
    }

    /** The two messages and .Sent's maildirfolder (its chunk is in the same pack), each with the pack's id. */
    private void assertNamed(List<String> failures) {
        List<String> prefixes = List.of(
                "u|.Sent: cur/1700000005.M5P1.h:2,S: ",
                "u|.Sent: maildirfolder: ",
                "u|INBOX: cur/1700000004.M4P1.h:2,S: ");
        assertEquals(prefixes.size(), failures.size(), String.join("\n", failures));
        for (int i = 0; i < prefixes.size(); i++) {
            assertTrue(failures.get(i).startsWith(prefixes.get(i)), failures.get(i));
            assertTrue(
                    failures.get(i).contains(pack.getFileName().toString().substring(0, 8)),
                    "names the pack: " + failures.get(i));
        }
    }

    private RestoreResult restore(Path target, RestoreMode mode) throws IOException {
        CatalogSync.blobIndex(fixture.repository, fixture.catalog);
        BlobSource blobs = fixture.repository.openBlobStore(fixture.catalog.blobs())::get;
        return new Restorer(blobs, 2)
                .restore(fixture.snapshot(snapshot), new RestoreRequest("u", null, null, target, mode));
    }

    private void message(String path) throws IOException {
        Path file = mailbox.resolve(path);
        Maildirs.message(
                file.getParent().getParent(),
                file.getParent().getFileName().toString(),
                file.getFileName().toString());
    }

    private static void assertTmpEmpty(Path target) throws IOException {
        try (Stream<Path> all = Files.walk(target)) {
            List<Path> leftovers = all.filter(p -> p.getParent() != null
                            && p.getParent().getFileName().toString().equals("tmp"))
                    .toList();
            assertEquals(List.of(), leftovers, "no temporary file left behind");
        }
    }
}
