package org.mailsnap.restore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mailsnap.backup.BackupFixture;
import org.mailsnap.maildir.Maildirs;
import org.mailsnap.model.SnapshotId;

/**
 * Dovecot keeps the uidlist record of a message expunged or moved out until it rewrites the list; a file that then
 * appears under that base is, to Dovecot, an expunged message that reappeared (a warning in its log, a new UID). A
 * merge therefore never writes a message under a base its folder's live uidlist lists. A re-based message is written
 * under its GUID when that is free (so Dovecot reports the same GUID); otherwise a listed base is replaced by a fresh
 * one with the same size fields.
 */
class MergeListedBaseTest {
    private static final String KEPT = "1796403600.M100P1.vm,S=30,W=31";
    private static final String EXPUNGED = "1796403650.M200P1.vm,S=31,W=32";
    private static final String ORIGINAL = "1796403632.M697596P18646.vm,S=32,W=33";
    private static final String REBASED = "1796403632.M732777P18646.vm,S=32,W=33";
    private static final String ORIGINAL_2 = "1796403700.M1P2.vm,S=33,W=34";
    private static final String REBASED_2 = "1796403701.M2P2.vm,S=33,W=34";
    private static final String ORIGINAL_3 = "1796403800.M1P3.vm,S=34,W=35";
    private static final String REBASED_3 = "1796403801.M2P3.vm,S=34,W=35";

    @TempDir
    Path tmp;

    @Test
    void aMergeNeverWritesABaseTheLiveUidlistStillLists() throws IOException {
        Path store = tmp.resolve("store");
        Path inbox = Maildirs.maildir(store.resolve("u"));
        Path archive = Maildirs.folder(inbox, ".Archive");
        Path work = Maildirs.folder(inbox, ".Work");
        message(work, REBASED_3);
        message(inbox, KEPT);
        message(inbox, EXPUNGED);
        message(inbox, REBASED);
        message(archive, REBASED_2);
        Maildirs.uidlist(inbox, "1 :" + KEPT, "2 :" + EXPUNGED, "3 G" + ORIGINAL + " :" + REBASED);
        Maildirs.uidlist(archive, "1 :" + ORIGINAL_2, "2 G" + ORIGINAL_2 + " :" + REBASED_2);
        Maildirs.uidlist(work, "5 G" + ORIGINAL_3 + " :" + REBASED_3);
        try (BackupFixture f = new BackupFixture(tmp.resolve("backup"))) {
            SnapshotId snapshot = f.backup(store).snapshotId();
            // expunged live: the files are gone, the uidlists still list them (Dovecot has not rewritten them)
            for (Path folder : List.of(inbox, archive, work)) {
                try (Stream<Path> files = Files.list(folder.resolve("cur"))) {
                    for (Path file : files.toList()) {
                        if (!file.getFileName().toString().startsWith(KEPT)) {
                            Files.delete(file);
                        }
                    }
                }
            }

            Maildirs.uidlist(work); // Dovecot rewrote this one: it lists nothing any more

            RestoreResult merge = f.restore(snapshot, "u", inbox, RestoreMode.MERGE);

            assertEquals(4, merge.messages(), merge.notes().toString());
            List<String> inInbox = names(inbox);
            assertEquals(3, inInbox.size(), inInbox.toString());
            assertTrue(
                    inInbox.contains(ORIGINAL + ":2,S"),
                    "written under its GUID, which INBOX does not list: " + inInbox);
            String renamed = inInbox.stream()
                    .filter(n -> !n.startsWith(KEPT) && !n.startsWith(ORIGINAL))
                    .findFirst()
                    .orElseThrow();
            assertNotEquals(EXPUNGED + ":2,S", renamed, "never the listed base");
            assertTrue(renamed.endsWith(",S=31,W=32:2,S"), "same sizes and flags: " + renamed);
            assertEquals(
                    content(EXPUNGED), Files.readString(inbox.resolve("cur").resolve(renamed)));
            List<String> inArchive = names(archive);
            assertEquals(1, inArchive.size(), inArchive.toString());
            assertTrue(
                    !inArchive.get(0).startsWith(REBASED_2)
                            && !inArchive.get(0).startsWith(ORIGINAL_2)
                            && inArchive.get(0).endsWith(",S=33,W=34:2,S"),
                    "base and GUID listed: a fresh base: " + inArchive);
            assertEquals(List.of(ORIGINAL_3 + ":2,S"), names(work), "a re-based message comes back under its GUID");
            assertEquals(
                    2,
                    merge.notes().stream()
                            .filter(n -> n.contains("still lists its base"))
                            .count(),
                    merge.notes().toString());
            assertEquals(
                    2,
                    merge.notes().stream()
                            .filter(n -> n.contains("under its Dovecot GUID"))
                            .count(),
                    merge.notes().toString());
        }
    }

    @Test
    void aGuidThatCouldNotBeABaseIsNeverUsedAsAName() throws IOException {
        Path store = tmp.resolve("store");
        Path inbox = Maildirs.maildir(store.resolve("u"));
        message(inbox, REBASED);
        Maildirs.uidlist(
                inbox, "3 G.hidden :" + REBASED); // a hostile uidlist: a dot file is invisible to Maildir readers
        try (BackupFixture f = new BackupFixture(tmp.resolve("backup"))) {
            SnapshotId snapshot = f.backup(store).snapshotId();
            Files.delete(inbox.resolve("cur/" + REBASED + ":2,S"));

            RestoreResult merge = f.restore(snapshot, "u", inbox, RestoreMode.MERGE);

            assertEquals(1, merge.messages(), merge.notes().toString());
            List<String> names = names(inbox);
            assertEquals(1, names.size(), names.toString());
            assertTrue(names.get(0).contains(".mailsnap-restore,S=32,W=33:2,S"), "a fresh base: " + names);
        }
    }

    @Test
    void aFreshBaseKeepsTheSizeFieldsAndNeverRepeats() {
        Instant now = Instant.ofEpochSecond(1796403632, 697_596_123);
        String first = FreshBase.like(EXPUNGED, now);
        String second = FreshBase.like(EXPUNGED, now);
        assertTrue(first.startsWith("1796403632.M697596P"), first);
        assertTrue(first.endsWith(".mailsnap-restore,S=31,W=32"), first);
        assertNotEquals(first, second);
        assertTrue(FreshBase.like("1796403632.M1P1.host", now).endsWith(".mailsnap-restore"));
    }

    private static List<String> names(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder.resolve("cur"))) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    private static String content(String base) {
        int size = Integer.parseInt(base.replaceAll(".*,S=(\\d+).*", "$1"));
        String text = "Subject: " + base.substring(0, 12) + "\r\n\r\n";
        return text + "b".repeat(size - text.length());
    }

    private static void message(Path folder, String base) throws IOException {
        Files.writeString(folder.resolve("cur").resolve(base + ":2,S"), content(base), StandardCharsets.US_ASCII);
    }
}
