package org.mailsnap.dovecot;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.mail.Folder;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
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
class AsFolderRestoreLiveTest {
    private static final String USER = "ada";
    private static final String NAME = "Restored/2026-12-01 10:00";
    /** The same folder in IMAP: the test server's Maildir++ namespace separates levels with '.'. */
    private static final String IMAP_NAME = "Restored.2026-12-01 10:00";
    private static final Pattern MESSAGE_ID = Pattern.compile("(?im)^Message-ID:[ \\t]*<([^@>\\s]+)@mailsnap\\.test>");

    private static DovecotServer dovecot;

    @TempDir
    Path tmp;

    @BeforeAll
    static void start() throws IOException {
        dovecot = DovecotServer.start();
    }

    @AfterAll
    static void stop() throws IOException {
        dovecot.stop();
        dovecot.assertLogClean();
        dovecot.close();
    }

    @Test
    void theSnapshotAppearsAsASubscribedFolderAndNothingElseChanges() throws Exception {
        try (DovecotBackups backups = new DovecotBackups(tmp.resolve("backup"), dovecot.mailDir(USER).getParent());
             ImapSession imap = dovecot.imapSession(USER)) {
            imap.create("Archive");
            long first = imap.append("INBOX", TestMessages.message("ada-1", "one"), "\\Seen", "$Label1");
            imap.append("INBOX", TestMessages.message("ada-2", "two"), "\\Flagged", "Work");
            imap.append("INBOX", TestMessages.message("ada-3", "three"));
            long archived = imap.append("Archive", TestMessages.message("ada-4", "four"), "\\Seen", "\\Answered");
            Map<String, Map<String, FetchedMessage>> atBackup = state(imap, List.of("INBOX", "Archive"));
            BackupResult backup = backups.backup(LockMode.DOVECOT.defaultLocker());
            assertFalse(backup.partial(), backup.problems().toString());

            imap.expunge("INBOX", first);
            imap.move("Archive", archived, "INBOX");
            imap.append("INBOX", TestMessages.message("ada-5", "after the backup"), "\\Seen");
            Map<String, Map<String, FetchedMessage>> before = state(imap, List.of("INBOX", "Archive"));

            RestoreResult r = backups.restore(backup.snapshotId(), new RestoreRequest(USER, null, null,
                    dovecot.mailDir(USER), RestoreMode.AS_FOLDER, NAME));
            assertEquals(4, r.messages(), r.toString());

            Set<String> subscribed = new TreeSet<>();
            for (Folder f : imap.store().getDefaultFolder().listSubscribed("*")) {
                subscribed.add(f.getFullName());
            }
            assertTrue(subscribed.containsAll(Set.of(IMAP_NAME, IMAP_NAME + ".Archive")), subscribed.toString());

            Map<String, Map<String, FetchedMessage>> restored = state(imap, List.of(IMAP_NAME, IMAP_NAME + ".Archive"));
            assertEquals(flagsOf(atBackup.get("INBOX")), flagsOf(restored.get(IMAP_NAME)), "INBOX as it was");
            assertEquals(flagsOf(atBackup.get("Archive")), flagsOf(restored.get(IMAP_NAME + ".Archive")));
            for (Map.Entry<String, FetchedMessage> e : atBackup.get("INBOX").entrySet()) {
                assertArrayEquals(e.getValue().body(), restored.get(IMAP_NAME).get(e.getKey()).body(), e.getKey());
            }

            Map<String, Map<String, FetchedMessage>> after = state(imap, List.of("INBOX", "Archive"));
            assertEquals(summary(before), summary(after), "no other folder changed: UIDs, flags, messages");
        }
        assertEquals(List.of(), dovecot.logProblems(), "Dovecot logged nothing about the new folders");
    }

    /** Folder to Message-ID marker to message, over IMAP; a marker seen twice in a folder fails at once. */
    private static Map<String, Map<String, FetchedMessage>> state(ImapSession imap, List<String> folders)
            throws IOException {
        Map<String, Map<String, FetchedMessage>> state = new TreeMap<>();
        for (String folder : folders) {
            Map<String, FetchedMessage> byMarker = new TreeMap<>();
            imap.select(folder);
            for (FetchedMessage m : imap.fetchAll(folder)) {
                Matcher id = MESSAGE_ID.matcher(new String(m.body(), StandardCharsets.ISO_8859_1));
                String marker = id.find() ? id.group(1) : "<no marker, uid " + m.uid() + ">";
                if (byMarker.put(marker, m) != null) {
                    throw new AssertionError(marker + " is in " + folder + " twice");
                }
            }
            state.put(folder, byMarker);
        }
        return state;
    }

    private static Map<String, Set<String>> flagsOf(Map<String, FetchedMessage> folder) {
        Map<String, Set<String>> flags = new TreeMap<>();
        folder.forEach((marker, m) -> flags.put(marker, m.flags()));
        return flags;
    }

    private static Map<String, String> summary(Map<String, Map<String, FetchedMessage>> state) {
        Map<String, String> out = new TreeMap<>();
        state.forEach((folder, messages) -> messages.forEach((marker, m) ->
                out.put(folder + "/" + marker, m.uid() + " " + m.flags())));
        return out;
    }
}
