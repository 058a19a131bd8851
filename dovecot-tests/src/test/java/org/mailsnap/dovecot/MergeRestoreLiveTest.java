package org.mailsnap.dovecot;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mailsnap.backup.BackupResult;
import org.mailsnap.maildir.lock.LockMode;
import org.mailsnap.restore.RestoreMode;
import org.mailsnap.restore.RestoreResult;

/**
 * Merge restore into the live mailbox while Dovecot serves it: after a backup, a client expunges messages and moves
 * one to another folder; merging the snapshot back brings the expunged ones back (with their flags, keywords and
 * bytes), does not put the moved one back into its old folder, duplicates nothing (Message-IDs counted over IMAP in
 * every folder), and Dovecot logs nothing about duplicates or the uidlist. A client that stayed connected the whole
 * time sees the returned messages as new ones.
 */
class MergeRestoreLiveTest extends LiveDovecotTest {

    private static final String USER = "mia";

    @TempDir
    Path tmp;

    @Test
    void expungedMessagesComeBackAndNothingIsDuplicated() throws IOException {
        try (DovecotBackups backups = new DovecotBackups(
                        tmp.resolve("backup"), dovecot.mailDir(USER).getParent());
                ImapSession imap = dovecot.imapSession(USER);
                ImapSession watcher = dovecot.imapSession(USER)) {
            imap.create("Archive");
            Map<String, Long> inbox = new HashMap<>();
            for (int i = 1; i <= 6; i++) {
                String[] flags = switch (i % 3) {
                    case 0 -> new String[] {"\\Seen", "$Label1"};
                    case 1 -> new String[] {"\\Flagged", "Work"};
                    default -> new String[0];
                };
                inbox.put("mia-" + i, imap.append("INBOX", TestMessages.message("mia-" + i, "body " + i), flags));
            }
            long archived = imap.append("Archive", TestMessages.message("mia-archived"), "\\Seen", "$Junk");
            dovecot.deliver(USER, TestMessages.message("mia-delivered", "over LMTP"));
            Map<String, Map<String, FetchedMessage>> atBackup = MarkedMessages.of(imap, List.of("INBOX", "Archive"));
            BackupResult backup = backups.backup(LockMode.DOVECOT.defaultLocker());
            assertFalse(backup.partial(), backup.problems().toString());

            watcher.select("INBOX");
            imap.expunge("INBOX", inbox.get("mia-1"));
            imap.expunge("INBOX", inbox.get("mia-3"));
            imap.expunge("Archive", archived);
            imap.move("INBOX", inbox.get("mia-2"), "Archive");
            imap.addFlags("INBOX", inbox.get("mia-4"), "\\Answered"); // changed since: must stay as it is now
            dovecot.deliver(USER, TestMessages.message("mia-after", "arrived after the backup"));
            Map<String, Map<String, FetchedMessage>> beforeMerge = MarkedMessages.of(imap, List.of("INBOX", "Archive"));

            RestoreResult merged = backups.restore(backup.snapshotId(), USER, dovecot.mailDir(USER), RestoreMode.MERGE);

            assertEquals(3, merged.messages(), "mia-1, mia-3 and mia-archived were missing: " + merged);
            Map<String, Map<String, FetchedMessage>> after = MarkedMessages.of(imap, List.of("INBOX", "Archive"));
            Map<String, Map<String, Set<String>>> expected = new TreeMap<>();
            expected.put("INBOX", MarkedMessages.flags(beforeMerge.get("INBOX")));
            expected.put("Archive", MarkedMessages.flags(beforeMerge.get("Archive")));
            for (String back : List.of("mia-1", "mia-3")) {
                expected.get("INBOX").put(back, atBackup.get("INBOX").get(back).flags());
            }
            expected.get("Archive")
                    .put(
                            "mia-archived",
                            atBackup.get("Archive").get("mia-archived").flags());
            assertEquals(
                    expected,
                    Map.of(
                            "INBOX",
                            MarkedMessages.flags(after.get("INBOX")),
                            "Archive",
                            MarkedMessages.flags(after.get("Archive"))),
                    "each message once, where it belongs, with its flags");
            for (String back : List.of("mia-1", "mia-3")) {
                assertArrayEquals(
                        atBackup.get("INBOX").get(back).body(),
                        after.get("INBOX").get(back).body(),
                        back);
            }
            assertEquals(inbox.get("mia-4"), after.get("INBOX").get("mia-4").uid(), "untouched messages keep UIDs");
            assertEquals(
                    Set.of("mia-1", "mia-3"),
                    newTo(watcher, beforeMerge.get("INBOX"), after.get("INBOX")),
                    "the connected client sees exactly the returned messages appear");
            dovecot.doveadm("force-resync", "-u", USER, "*"); // a full resync must find nothing to fix either
            assertEquals(
                    after.keySet(),
                    MarkedMessages.of(imap, List.of("INBOX", "Archive")).keySet());
        }
        assertLogCleanSoFar();
    }

    /** The markers the watching client gets as new messages in its selected INBOX. */
    private static Set<String> newTo(
            ImapSession watcher, Map<String, FetchedMessage> before, Map<String, FetchedMessage> after)
            throws IOException {
        long seenUpTo =
                before.values().stream().mapToLong(FetchedMessage::uid).max().orElse(0);
        Set<String> appeared = new java.util.TreeSet<>();
        watcher.noop("INBOX");
        for (FetchedMessage m : watcher.fetchAll("INBOX")) {
            if (m.uid() > seenUpTo) {
                after.entrySet().stream()
                        .filter(e -> e.getValue().uid() == m.uid())
                        .forEach(e -> appeared.add(e.getKey()));
            }
        }
        return appeared;
    }

    private static void assertLogCleanSoFar() throws IOException {
        List<String> problems = dovecot.logProblems();
        assertEquals(List.of(), problems, "Dovecot logged no duplicate, uidlist or other problem");
    }
}
