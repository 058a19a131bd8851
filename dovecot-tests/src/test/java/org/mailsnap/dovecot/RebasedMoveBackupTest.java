package org.mailsnap.dovecot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mailsnap.backup.BackupResult;
import org.mailsnap.catalog.MessageQuery;
import org.mailsnap.maildir.CountingMessageFiles;
import org.mailsnap.maildir.Uidlist;
import org.mailsnap.maildir.lock.FolderLocker;
import org.mailsnap.maildir.lock.LockMode;
import org.mailsnap.model.BlobId;
import org.mailsnap.recovery.MessageHit;

/**
 * A message moved INBOX → Archive → INBOX over IMAP (UID MOVE) comes back under a new base: INBOX's uidlist still
 * knew its base, so Dovecot gives the file a new one and keeps the message's GUID in the uidlist record's {@code G}
 * extension. The test first makes sure Dovecot really did that (the base differs, {@code doveadm fetch guid} reports
 * the original base, the uidlist has the {@code G}); then the hourly backup after the move back must treat it as the
 * rename it is: no message file opened, no message blob stored (the only new data blobs are control files), the
 * placement records base and GUID, and the catalog's search index knows one message with one history since the
 * first snapshot. A second message does the round trip between two hourly runs: the same, inside one folder.
 */
class RebasedMoveBackupTest extends LiveDovecotTest {

    private static final String USER = "reba";

    @TempDir
    Path tmp;

    @Test
    void aMessageMovedBackUnderANewBaseIsNeitherReadNorStoredAgain() throws IOException {
        FolderLocker locker = LockMode.DOVECOT.defaultLocker();
        try (DovecotBackups backups = new DovecotBackups(
                        tmp.resolve("backup"), dovecot.mailDir(USER).getParent());
                ImapSession imap = dovecot.imapSession(USER)) {
            imap.create("Archive");
            imap.append("INBOX", TestMessages.message("reba-kept", "stays in INBOX"), "\\Seen");
            long travelling = imap.append(
                    "INBOX", TestMessages.message("reba-travels", "INBOX, Archive, INBOX"), "\\Seen", "$Label1");
            long bouncing = imap.append(
                    "INBOX", TestMessages.message("reba-bounces", "out and back within an hour"), "\\Flagged");
            imap.append("Archive", TestMessages.message("reba-archived", "stays in Archive"));
            Map<Long, String> guids = DovecotGuids.byUid(dovecot, USER, "INBOX");
            String travellingGuid = guids.get(travelling);
            String bouncingGuid = guids.get(bouncing);
            BackupResult first = backups.backup(locker);
            assertFalse(first.partial(), first.problems().toString());
            assertEquals(4, first.progress().messagesRead.get());

            long inArchive = imap.move("INBOX", travelling, "Archive");
            assertEquals(
                    travellingGuid,
                    DovecotGuids.byUid(dovecot, USER, "Archive").get(inArchive),
                    "the first move keeps the base (a hard link)");
            BackupResult hourly = backups.backup(locker);
            assertEquals(0, hourly.progress().messagesRead.get(), "a plain move is a rename");

            long back = imap.move("Archive", inArchive, "INBOX");
            long bounced = imap.move("Archive", imap.move("INBOX", bouncing, "Archive"), "INBOX");
            assertRebased("reba-travels", travellingGuid, back);
            assertRebased("reba-bounces", bouncingGuid, bounced);

            CountingMessageFiles files = new CountingMessageFiles();
            BackupResult afterMoveBack = backups.backup(locker, files);

            assertFalse(afterMoveBack.partial(), afterMoveBack.problems().toString());
            assertEquals(0, files.opens(), "no message file opened");
            assertEquals(0, afterMoveBack.progress().messagesRead.get(), "no message read");
            assertTrue(
                    afterMoveBack.progress().movedIn.get() >= 1,
                    "reba-travels moved in from Archive: "
                            + afterMoveBack.progress().movedIn.get());
            SnapshotContents before = backups.contents(hourly, USER);
            SnapshotContents now = backups.contents(afterMoveBack, USER);
            assertTrue(before.messageBlobs().containsAll(now.messageBlobs()), "no message blob new");
            Set<BlobId> newControlBlobs = new HashSet<>(now.controlFileBlobs());
            newControlBlobs.removeAll(before.controlFileBlobs());
            newControlBlobs.removeAll(backups.contents(first, USER).controlFileBlobs());
            assertFalse(newControlBlobs.isEmpty(), "the uidlists changed");
            assertEquals(
                    newControlBlobs.size(),
                    afterMoveBack.blobs().dataBlobsNew(),
                    "the only new data blobs are the changed control files");

            for (String marker : List.of("reba-travels", "reba-bounces")) {
                String guid = marker.equals("reba-travels") ? travellingGuid : bouncingGuid;
                SnapshotContents.Message placed = now.messages("INBOX").stream()
                        .filter(m -> m.marker().equals(marker))
                        .findFirst()
                        .orElseThrow();
                assertEquals(guid, placed.guid(), marker + ": the placement records the GUID");
                assertNotEquals(guid, placed.base(), marker + ": under its new base");

                List<MessageHit> found = backups.find(MessageQuery.all().withGuid(guid));
                assertEquals(1, found.size(), marker + ": " + found);
                assertEquals(
                        first.snapshot().time(),
                        found.get(0).info().firstSeen(),
                        marker + ": one history since the first snapshot");
                assertEquals(first.snapshotId(), found.get(0).firstSnapshot().id(), marker + ": first snapshot");
                assertTrue(found.get(0).info().present(), marker + " is still there");
                assertEquals("", found.get(0).info().folder(), marker + " last seen in INBOX");
                assertEquals(
                        List.of(),
                        backups.find(MessageQuery.all().withGuid(placed.base())),
                        marker + ": the new base is no message of its own");
                assertEquals(
                        1,
                        backups.find(MessageQuery.all().withMessageId("<" + marker + "@mailsnap.test>"))
                                .size(),
                        marker + ": one message in the search index");
            }
        }
    }

    /**
     * Dovecot gave the message a new base: IMAP/doveadm report the original GUID for its UID in INBOX, the file has
     * another base, and the uidlist record of that base carries the GUID in {@code G}.
     */
    private static void assertRebased(String marker, String guid, long uid) throws IOException {
        assertEquals(guid, DovecotGuids.byUid(dovecot, USER, "INBOX").get(uid), marker + ": the GUID is kept");
        Uidlist uidlist = DovecotGuids.uidlist(dovecot, USER, "INBOX");
        Uidlist.MessageRecord record = uidlist.records().stream()
                .filter(r -> r.uid() == uid)
                .findFirst()
                .orElseThrow(() -> new AssertionError(marker + ": no uidlist record for UID " + uid + ":\n" + uidlist));
        assertNotEquals(guid, record.base(), marker + ": Dovecot gave it a new base (uidlist:\n" + uidlist + ")");
        assertEquals(guid, record.field('G'), marker + ": the uidlist keeps the GUID in G");
        assertEquals(
                1,
                MaildirFiles.withBase(dovecot.mailDir(USER), record.base()).size(),
                marker + ": the file has the new base");
    }
}
