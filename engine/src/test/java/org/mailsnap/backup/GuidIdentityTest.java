package org.mailsnap.backup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mailsnap.catalog.CatalogReader;
import org.mailsnap.catalog.FoundMessage;
import org.mailsnap.catalog.MessageQuery;
import org.mailsnap.maildir.Maildirs;
import org.mailsnap.model.FolderKey;
import org.mailsnap.model.Placement;
import org.mailsnap.restore.RestoreMode;
import org.mailsnap.restore.RestoreResult;

/**
 * A message is identified the way Dovecot identifies it, by its GUID: the {@code G} extension of its uidlist record,
 * else its base. Dovecot gives a message a new base when it is moved back into a folder whose uidlist already knows
 * its base, and records the original GUID; such a move is a rename for the backup and never a second copy for a
 * merge restore.
 */
class GuidIdentityTest {
    private static final String KEPT = "1796403600.M100P1.vm,S=10,W=12";
    private static final String MOVED = "1796403632.M697596P18646.vm,S=39,W=43";
    private static final String REBASED = "1796403632.M732777P18646.vm,S=39,W=43";
    private static final String EXPUNGED = "1796403650.M200P1.vm,S=11,W=13";

    @TempDir
    Path tmp;

    @Test
    void aMoveBackUnderANewBaseIsARenameAndAMergeNeverDuplicatesIt() throws Exception {
        Path store = tmp.resolve("store");
        Path inbox = Maildirs.maildir(store.resolve("u"));
        Path archive = Maildirs.folder(inbox, ".Archive");
        message(inbox, KEPT, ":2,S");
        Path moved = message(inbox, MOVED, ":2,S");
        message(inbox, EXPUNGED, ":2,");
        Maildirs.uidlist(inbox, "1 :" + KEPT, "2 :" + MOVED, "3 :" + EXPUNGED);
        BackupSettings settings =
                BackupSettings.builder(store, "testhost").threads(2).build();
        try (BackupFixture f = new BackupFixture(tmp.resolve("backup"))) {
            BackupResult first = f.backup(settings);
            assertEquals(3, first.progress().messagesRead.get());

            // IMAP MOVE INBOX -> Archive: the same base in Archive
            Path inArchive = Files.move(moved, archive.resolve("cur/" + MOVED + ":2,S"));
            Maildirs.uidlist(archive, "1 :" + MOVED);
            Maildirs.uidlist(inbox, "1 :" + KEPT, "3 :" + EXPUNGED);
            Trees.ageDirectories(store);
            f.backup(settings);

            // IMAP MOVE Archive -> INBOX: INBOX's uidlist knew the base, so Dovecot gives it a new one and records
            // the message's GUID in the G extension
            Files.move(inArchive, inbox.resolve("cur/" + REBASED + ":2,FS"));
            Maildirs.uidlist(archive);
            Maildirs.uidlist(inbox, "1 :" + KEPT, "3 :" + EXPUNGED, "4 G" + MOVED + " :" + REBASED);
            Trees.ageDirectories(store);
            int opens = f.files.opens();
            BackupResult back = f.backup(settings);
            assertEquals(opens, f.files.opens(), "no message file opened");
            assertEquals(0, back.progress().messagesRead.get());
            assertEquals(1, back.progress().movedIn.get());
            assertEquals(2, back.blobs().dataBlobsNew(), "no message blob stored: only the two changed uidlists");

            List<Placement> inInbox = f.placements(back.snapshotId()).get(new FolderKey("u", ""));
            Placement rebased = inInbox.stream()
                    .filter(p -> p.name().startsWith(REBASED))
                    .findFirst()
                    .orElseThrow();
            assertEquals(REBASED + ":2,FS", rebased.name());
            assertEquals(MOVED, rebased.guid());
            assertTrue(inInbox.stream()
                    .filter(p -> !p.name().startsWith(REBASED))
                    .allMatch(p -> p.guid().isEmpty()));

            try (CatalogReader reader = f.catalog.read()) {
                List<FoundMessage> hits = reader.find(MessageQuery.all().withGuid(MOVED));
                assertEquals(1, hits.size(), hits.toString());
                assertEquals("", hits.get(0).info().folder(), "last seen in INBOX");
                assertEquals("FS", hits.get(0).info().flags());
                assertEquals(first.snapshot().time(), hits.get(0).info().firstSeen(), "one history since the start");
                assertTrue(reader.find(MessageQuery.all().withGuid(REBASED)).isEmpty(), "the new base is no message");
            }

            // the point-in-time restore writes the names and the uidlist of that moment
            Path exact = tmp.resolve("exact");
            f.restore(back.snapshotId(), "u", exact, RestoreMode.EMPTY_TARGET);
            assertEquals(List.of(), Trees.diff(Trees.capture(inbox), Trees.capture(exact), p -> false));

            // The user expunges a message; a merge of the first snapshot puts back exactly that one: the moved
            // message is in INBOX under another base with the same GUID, and is left alone. INBOX's uidlist still
            // lists the expunged base (Dovecot keeps the record until it rewrites the list), so the message comes
            // back under a fresh base: under its old one, Dovecot would take it for an expunged message reappearing.
            Files.delete(inbox.resolve("cur/" + EXPUNGED + ":2,"));
            RestoreResult merge = f.restore(first.snapshotId(), "u", inbox, RestoreMode.MERGE);
            assertEquals(1, merge.messages(), merge.notes().toString());
            assertFalse(Files.exists(inbox.resolve("cur/" + EXPUNGED + ":2,")), "never a base the uidlist lists");
            try (var restored = Files.list(inbox.resolve("cur"))) {
                assertEquals(
                        1,
                        restored.filter(p -> p.getFileName().toString().endsWith(",S=11,W=13:2,"))
                                .count());
            }
            assertFalse(Files.exists(inbox.resolve("cur/" + MOVED + ":2,S")), "no second copy of the GUID");
            assertTrue(
                    merge.notes().stream()
                            .anyMatch(
                                    n -> n.contains(MOVED) && n.contains("under another name") && n.contains(REBASED)),
                    merge.notes().toString());
            try (var tmpFiles = Files.list(inbox.resolve("tmp"))) {
                assertEquals(List.of(), tmpFiles.toList());
            }
        }
    }

    @Test
    void aMergeFindsTheGuidInAnotherFolderToo() throws Exception {
        Path store = tmp.resolve("store");
        Path inbox = Maildirs.maildir(store.resolve("u"));
        Path archive = Maildirs.folder(inbox, ".Archive");
        Path moved = message(archive, MOVED, ":2,S");
        Maildirs.uidlist(archive, "1 :" + MOVED);
        try (BackupFixture f = new BackupFixture(tmp.resolve("backup"))) {
            BackupResult first = f.backup(
                    BackupSettings.builder(store, "testhost").threads(2).build());
            // Archive -> INBOX -> Archive: back in Archive under a new base; the snapshot had the old one there
            Files.move(moved, archive.resolve("cur/" + REBASED + ":2,S"));
            Maildirs.uidlist(archive, "1 :" + MOVED, "2 G" + MOVED + " :" + REBASED);
            RestoreResult merge = f.restore(first.snapshotId(), "u", inbox, RestoreMode.MERGE);
            assertEquals(0, merge.messages());
            assertEquals(1, merge.skipped());
            assertTrue(
                    merge.notes().stream().anyMatch(n -> n.contains("under another name")),
                    merge.notes().toString());
        }
    }

    @Test
    void aBrokenOrHostileGuidNeverStandsInForOtherBytes() throws Exception {
        Path store = tmp.resolve("store");
        Path inbox = Maildirs.maildir(store.resolve("u"));
        message(inbox, KEPT, ":2,S");
        Maildirs.uidlist(inbox, "1 :" + KEPT);
        try (BackupFixture f = new BackupFixture(tmp.resolve("backup"))) {
            f.backup(BackupSettings.builder(store, "testhost").threads(2).build());
            // a new file whose uidlist line claims the known message's GUID, with a size hint that disagrees
            Files.writeString(inbox.resolve("cur/1796409999.M1P1.vm,S=2000,W=2100:2,S"), "x".repeat(2000));
            Maildirs.uidlist(inbox, "1 :" + KEPT, "2 G" + KEPT + " :1796409999.M1P1.vm,S=2000,W=2100");
            Trees.ageDirectories(store);
            BackupResult second = f.backup(
                    BackupSettings.builder(store, "testhost").threads(2).build());
            assertEquals(1, second.progress().messagesRead.get(), "read, not taken for the known message");
            Path restored = tmp.resolve("restored");
            f.restore(second.snapshotId(), "u", restored, RestoreMode.EMPTY_TARGET);
            assertEquals(List.of(), Trees.diff(Trees.capture(inbox), Trees.capture(restored), p -> false));
        }
    }

    /** A message whose size is the one its {@code ,S=} says, as Dovecot names them. */
    private static Path message(Path folder, String base, String info) throws Exception {
        int size = Integer.parseInt(base.replaceAll(".*,S=(\\d+).*", "$1"));
        String text = ("Subject: " + base + "\r\n\r\n").substring(0, Math.min(size, 20));
        return Files.writeString(
                folder.resolve("cur").resolve(base + info),
                text + "b".repeat(size - text.length()),
                StandardCharsets.US_ASCII);
    }
}
