package org.mailsnap.dovecot;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * What IMAP operations do to the Maildir files, checked on disk: the facts the backup engine relies on
 * (design/maildir-facts.md), observed on the installed Dovecot. Each test uses its own user.
 */
class ImapMaildirTest extends LiveDovecotTest {

    @Test
    void storeSeenRenamesTheFileToTheSameBaseWithFlagS() throws IOException {
        try (ImapSession imap = dovecot.imapSession("erin")) {
            long uid = imap.append("INBOX", TestMessages.message("to be read"));
            Path before = MaildirFiles.onlyMessage(dovecot.mailDir("erin"));
            long inode = MaildirFiles.inode(before);

            imap.addFlags("INBOX", uid, "\\Seen");

            Path after = MaildirFiles.onlyMessage(dovecot.mailDir("erin"));
            assertEquals(MaildirFiles.base(before) + ":2,S", after.getFileName().toString());
            assertEquals("cur", after.getParent().getFileName().toString());
            assertEquals(inode, MaildirFiles.inode(after), "a rename, not a new file");
        }
    }

    @Test
    void moveKeepsTheBaseByHardLinkingIntoTheTargetFolder() throws IOException {
        try (ImapSession imap = dovecot.imapSession("fred")) {
            imap.create("Archive");
            long uid = imap.append("INBOX", TestMessages.message("to be moved"), "\\Seen");
            Path original = MaildirFiles.onlyMessage(dovecot.mailDir("fred"));
            long inode = MaildirFiles.inode(original);

            long movedUid = imap.move("INBOX", uid, "Archive");

            assertEquals(List.of(), MaildirFiles.messageFiles(dovecot.mailDir("fred")), "gone from INBOX");
            Path moved = MaildirFiles.onlyMessage(dovecot.folderDir("fred", "Archive"));
            assertEquals(MaildirFiles.base(original), MaildirFiles.base(moved));
            assertEquals(inode, MaildirFiles.inode(moved), "hard link of the same file");
            assertTrue(Files.exists(dovecot.folderDir("fred", "Archive").resolve("maildirfolder")));
            assertEquals(List.of(movedUid), uids(imap.fetchAll("Archive")));
        }
    }

    @Test
    void copyLeavesTheSameBaseInBothFolders() throws IOException {
        try (ImapSession imap = dovecot.imapSession("gina")) {
            imap.create("Copies");
            long uid = imap.append("INBOX", TestMessages.message("to be copied"), "\\Flagged");

            imap.copy("INBOX", uid, "Copies");

            Path original = MaildirFiles.onlyMessage(dovecot.mailDir("gina"));
            Path copy = MaildirFiles.onlyMessage(dovecot.folderDir("gina", "Copies"));
            assertEquals(MaildirFiles.base(original), MaildirFiles.base(copy));
            assertEquals(MaildirFiles.inode(original), MaildirFiles.inode(copy));
            assertEquals(2, MaildirFiles.linkCount(copy));
        }
    }

    @Test
    void aKeywordIsALetterInTheNameMappedByDovecotKeywords() throws IOException {
        try (ImapSession imap = dovecot.imapSession("hank")) {
            long uid = imap.append("INBOX", TestMessages.message("important"), "\\Seen");

            imap.addFlags("INBOX", uid, "$Important");

            Path file = MaildirFiles.onlyMessage(dovecot.mailDir("hank"));
            assertEquals(MaildirFiles.base(file) + ":2,Sa", file.getFileName().toString());
            assertEquals(
                    List.of("0 $Important"),
                    Files.readAllLines(dovecot.mailDir("hank").resolve("dovecot-keywords")));
            assertEquals(
                    Set.of("\\Seen", "$Important"),
                    imap.fetchAll("INBOX").get(0).flags());
        }
    }

    @Test
    void expungeDeletesTheFile() throws IOException {
        try (ImapSession imap = dovecot.imapSession("ivan")) {
            long kept = imap.append("INBOX", TestMessages.message("kept"));
            long expunged = imap.append("INBOX", TestMessages.message("expunged"));

            imap.expunge("INBOX", expunged);

            assertEquals(1, MaildirFiles.messageFiles(dovecot.mailDir("ivan")).size());
            assertEquals(List.of(kept), uids(imap.fetchAll("INBOX")));
        }
    }

    @Test
    void fetchReturnsUidsFlagsAndTheExactBodies() throws IOException {
        byte[] first = TestMessages.message("first", "one");
        byte[] second = TestMessages.message("second", "two", ".dot");
        try (ImapSession imap = dovecot.imapSession("jane")) {
            long firstUid = imap.append("INBOX", first, "\\Answered");
            long secondUid = imap.append("INBOX", second);

            List<FetchedMessage> messages = imap.fetchAll("INBOX");

            assertEquals(List.of(firstUid, secondUid), uids(messages));
            assertEquals(Set.of("\\Answered"), messages.get(0).flags());
            assertEquals(Set.of(), messages.get(1).flags());
            assertArrayEquals(
                    first, messages.get(0).body(), new String(messages.get(0).body(), StandardCharsets.UTF_8));
            assertArrayEquals(second, messages.get(1).body());
        }
    }

    @Test
    void selectAndStatusReportTheUidlistsValidityAndNextUid() throws IOException {
        try (ImapSession imap = dovecot.imapSession("kate")) {
            imap.append("INBOX", TestMessages.message("a"));
            long last = imap.append("INBOX", TestMessages.message("b"));

            FolderStatus selected = imap.select("INBOX");
            FolderStatus status = imap.status("INBOX");

            assertEquals(new FolderStatus("INBOX", 2, selected.uidValidity(), last + 1), selected);
            assertEquals(selected, status);
            String header = Files.readAllLines(dovecot.mailDir("kate").resolve("dovecot-uidlist"))
                    .get(0);
            assertTrue(header.startsWith("3 V" + selected.uidValidity() + " "), header);
        }
    }

    @Test
    void emptyFolderFetchesNothing() throws IOException {
        try (ImapSession imap = dovecot.imapSession("liam")) {
            imap.create("Empty");

            assertEquals(List.of(), imap.fetchAll("Empty"));
            assertEquals(new FolderStatus("Empty", 0, imap.status("Empty").uidValidity(), 1), imap.status("Empty"));
        }
    }

    private static List<Long> uids(List<FetchedMessage> messages) {
        return messages.stream().map(FetchedMessage::uid).toList();
    }
}
