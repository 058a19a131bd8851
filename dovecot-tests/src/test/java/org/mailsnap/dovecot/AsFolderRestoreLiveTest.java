package org.mailsnap.dovecot;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.mail.Folder;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mailsnap.backup.BackupResult;
import org.mailsnap.maildir.lock.LockMode;
import org.mailsnap.restore.RestoreMode;
import org.mailsnap.restore.RestoreRequest;
import org.mailsnap.restore.RestoreResult;

/**
 * {@code restore --as-folder} into the live mailbox while Dovecot serves it: the snapshot's folders appear under a
 * new folder, subscribed, with the messages, flags and keywords of the snapshot; no other folder changes (UIDs,
 * flags, message count); Dovecot's log stays clean.
 */
class AsFolderRestoreLiveTest extends LiveDovecotTest {
    private static final String USER = "ada";
    private static final String NAME = "Restored/2026-12-01 10:00";
    /** The same folder in IMAP: the test server's Maildir++ namespace separates levels with '.'. */
    private static final String IMAP_NAME = "Restored.2026-12-01 10:00";

    @TempDir
    Path tmp;

    @Test
    void theSnapshotAppearsAsASubscribedFolderAndNothingElseChanges() throws Exception {
        try (DovecotBackups backups = new DovecotBackups(
                        tmp.resolve("backup"), dovecot.mailDir(USER).getParent());
                ImapSession imap = dovecot.imapSession(USER)) {
            imap.create("Archive");
            long first = imap.append("INBOX", TestMessages.message("ada-1", "one"), "\\Seen", "$Label1");
            imap.append("INBOX", TestMessages.message("ada-2", "two"), "\\Flagged", "Work");
            imap.append("INBOX", TestMessages.message("ada-3", "three"));
            long archived = imap.append("Archive", TestMessages.message("ada-4", "four"), "\\Seen", "\\Answered");
            Map<String, Map<String, FetchedMessage>> atBackup = MarkedMessages.of(imap, List.of("INBOX", "Archive"));
            BackupResult backup = backups.backup(LockMode.DOVECOT.defaultLocker());
            assertFalse(backup.partial(), backup.problems().toString());

            imap.expunge("INBOX", first);
            imap.move("Archive", archived, "INBOX");
            imap.append("INBOX", TestMessages.message("ada-5", "after the backup"), "\\Seen");
            Map<String, Map<String, FetchedMessage>> before = MarkedMessages.of(imap, List.of("INBOX", "Archive"));

            RestoreResult r = backups.restore(
                    backup.snapshotId(),
                    new RestoreRequest(USER, null, null, dovecot.mailDir(USER), RestoreMode.AS_FOLDER, NAME));
            assertEquals(4, r.messages(), r.toString());

            Set<String> subscribed = new TreeSet<>();
            for (Folder f : imap.store().getDefaultFolder().listSubscribed("*")) {
                subscribed.add(f.getFullName());
            }
            assertTrue(subscribed.containsAll(Set.of(IMAP_NAME, IMAP_NAME + ".Archive")), subscribed.toString());

            Map<String, Map<String, FetchedMessage>> restored =
                    MarkedMessages.of(imap, List.of(IMAP_NAME, IMAP_NAME + ".Archive"));
            assertEquals(
                    MarkedMessages.flags(atBackup.get("INBOX")),
                    MarkedMessages.flags(restored.get(IMAP_NAME)),
                    "INBOX as it was");
            assertEquals(
                    MarkedMessages.flags(atBackup.get("Archive")),
                    MarkedMessages.flags(restored.get(IMAP_NAME + ".Archive")));
            for (Map.Entry<String, FetchedMessage> e : atBackup.get("INBOX").entrySet()) {
                assertArrayEquals(
                        e.getValue().body(),
                        restored.get(IMAP_NAME).get(e.getKey()).body(),
                        e.getKey());
            }

            Map<String, Map<String, FetchedMessage>> after = MarkedMessages.of(imap, List.of("INBOX", "Archive"));
            assertEquals(summary(before), summary(after), "no other folder changed: UIDs, flags, messages");
        }
        assertEquals(List.of(), dovecot.logProblems(), "Dovecot logged nothing about the new folders");
    }

    private static Map<String, String> summary(Map<String, Map<String, FetchedMessage>> state) {
        Map<String, String> out = new TreeMap<>();
        state.forEach((folder, messages) ->
                messages.forEach((marker, m) -> out.put(folder + "/" + marker, m.uid() + " " + m.flags())));
        return out;
    }
}
