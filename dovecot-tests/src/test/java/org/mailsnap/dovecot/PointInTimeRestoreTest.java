package org.mailsnap.dovecot;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mailsnap.backup.BackupResult;
import org.mailsnap.maildir.lock.LockMode;
import org.mailsnap.model.SnapshotId;
import org.mailsnap.restore.RestoreMode;
import org.mailsnap.restore.RestoreResult;

/**
 * Point-in-time restore, checked by Dovecot itself: a mailbox changes between three backups (appends with flags
 * and keywords, deliveries, flag and keyword changes, a move, an expunge); right after each backup, with nothing
 * else running, Dovecot's view is recorded ({@code doveadm fetch 'uid guid flags date.received'}, IMAP STATUS and
 * {@code UID FETCH (UID FLAGS BODY.PEEK[])} per folder). Each snapshot is then restored into a fresh user
 * directory, and Dovecot, serving that user, must report the same UIDVALIDITY, UIDNEXT, UIDs, GUIDs (the bases),
 * flags, keywords, INTERNALDATEs and bodies as were recorded for that snapshot.
 */
class PointInTimeRestoreTest extends LiveDovecotTest {

    private static final String USER = "pat";
    private static final List<String> FOLDERS = List.of("INBOX", "Archive");

    @TempDir
    Path tmp;

    /** What Dovecot reports about one folder. */
    private record FolderView(String doveadmFetch, FolderStatus status, List<FetchedMessage> messages) {}

    @Test
    void eachSnapshotRestoresToWhatDovecotReportedAtItsTime() throws IOException {
        List<SnapshotId> snapshots = new ArrayList<>();
        List<Map<String, FolderView>> recorded = new ArrayList<>();
        try (DovecotBackups backups = new DovecotBackups(
                        tmp.resolve("backup"), dovecot.mailDir(USER).getParent());
                ImapSession imap = dovecot.imapSession(USER)) {
            imap.create("Archive");
            long a1 = imap.append("INBOX", TestMessages.message("pat-1", "first"), "\\Seen");
            long a2 = imap.append("INBOX", TestMessages.message("pat-2", "second"), "\\Flagged", "$Label1");
            imap.append("INBOX", TestMessages.message("pat-3", "third"));
            imap.append("Archive", TestMessages.message("pat-4", "fourth"), "\\Seen", "\\Answered", "Work");
            dovecot.deliver(USER, TestMessages.message("pat-5", "delivered"));
            snapshots.add(backupAndRecord(backups, recorded));

            imap.addFlags("INBOX", a1, "$Junk", "\\Answered");
            imap.removeFlags("INBOX", a2, "$Label1");
            long moved = imap.move("INBOX", a2, "Archive");
            imap.append("Archive", TestMessages.message("pat-6", "sixth"), "\\Draft");
            dovecot.deliver(USER, TestMessages.message("pat-7", "delivered later"));
            snapshots.add(backupAndRecord(backups, recorded));

            imap.expunge("INBOX", a1);
            imap.addFlags("Archive", moved, "\\Seen", "Work");
            imap.append("INBOX", TestMessages.message("pat-8", "eighth"), "$Label1", "$Junk");
            snapshots.add(backupAndRecord(backups, recorded));

            for (int k = 0; k < snapshots.size(); k++) {
                String restoredUser = "pat-restored-" + k;
                Path target = dovecot.mailDir(restoredUser);
                RestoreResult restored = backups.restore(snapshots.get(k), USER, target, RestoreMode.EMPTY_TARGET);
                dovecot.giveToMailUser(target);
                assertEquals(
                        recorded.get(k).values().stream()
                                .mapToLong(v -> v.messages().size())
                                .sum(),
                        restored.messages(),
                        "messages written for snapshot " + k);

                Map<String, FolderView> now = record(restoredUser);
                for (String folder : FOLDERS) {
                    assertSameView(recorded.get(k).get(folder), now.get(folder), "snapshot " + k + " " + folder);
                }
            }
        }
    }

    /** Records Dovecot's view, backs up, records again (nothing else runs, so nothing may differ). */
    private static SnapshotId backupAndRecord(DovecotBackups backups, List<Map<String, FolderView>> recorded)
            throws IOException {
        Map<String, FolderView> before = record(USER);
        BackupResult result = backups.backup(LockMode.DOVECOT.defaultLocker());
        assertFalse(result.partial(), result.problems().toString());
        Map<String, FolderView> after = record(USER);
        for (String folder : FOLDERS) {
            assertSameView(before.get(folder), after.get(folder), "the backup changed nothing in " + folder);
        }
        recorded.add(after);
        return result.snapshotId();
    }

    private static Map<String, FolderView> record(String user) throws IOException {
        Map<String, FolderView> views = new LinkedHashMap<>();
        try (ImapSession imap = dovecot.imapSession(user)) {
            for (String folder : FOLDERS) {
                String fetched =
                        dovecot.doveadm("fetch", "-u", user, "uid guid flags date.received", "mailbox", folder, "all");
                views.put(folder, new FolderView(withoutRecent(fetched), imap.status(folder), imap.fetchAll(folder)));
            }
        }
        return views;
    }

    /** {@code \Recent} belongs to whichever session saw a message first, not to the mailbox: leave it out. */
    private static String withoutRecent(String doveadmFetch) {
        return doveadmFetch.replaceAll("(?m)^(flags:.*?) ?\\\\Recent", "$1").replaceAll("(?m)[ \t]+$", "");
    }

    private static void assertSameView(FolderView expected, FolderView actual, String what) {
        assertTrue(expected.messages().size() > 0, what + ": the scenario puts messages in every folder");
        assertEquals(expected.doveadmFetch(), actual.doveadmFetch(), what + ": doveadm fetch uid guid flags date");
        assertEquals(expected.status().uidValidity(), actual.status().uidValidity(), what + ": UIDVALIDITY");
        assertEquals(expected.status().uidNext(), actual.status().uidNext(), what + ": UIDNEXT");
        assertEquals(expected.status().messages(), actual.status().messages(), what + ": MESSAGES");
        assertEquals(expected.messages().size(), actual.messages().size(), what + ": FETCH count");
        for (int i = 0; i < expected.messages().size(); i++) {
            FetchedMessage e = expected.messages().get(i);
            FetchedMessage a = actual.messages().get(i);
            assertEquals(e.uid(), a.uid(), what + ": UID of message " + i);
            assertEquals(e.flags(), a.flags(), what + ": flags and keywords of UID " + e.uid());
            assertArrayEquals(e.body(), a.body(), what + ": body of UID " + e.uid());
        }
    }
}
