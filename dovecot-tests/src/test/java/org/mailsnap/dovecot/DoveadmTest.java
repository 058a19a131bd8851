package org.mailsnap.dovecot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The server's own view through doveadm agrees with what IMAP clients and the files show. */
class DoveadmTest extends LiveDovecotTest {

    private static final Pattern FIELD = Pattern.compile("^(uid|guid): (.*)$", Pattern.MULTILINE);

    @Test
    void fetchShowsTheUidsImapSeesAndTheFileBasesAsGuids() throws IOException {
        for (int i = 0; i < 3; i++) {
            dovecot.deliver("nora", TestMessages.message("doveadm " + i));
        }
        List<Long> imapUids;
        try (ImapSession imap = dovecot.imapSession("nora")) {
            imapUids = imap.fetchAll("INBOX").stream().map(FetchedMessage::uid).toList();
        }

        String fetched = dovecot.doveadm("fetch", "-u", "nora", "uid guid flags", "mailbox", "INBOX", "all");

        assertEquals(
                imapUids, field(fetched, "uid").stream().map(Long::parseLong).toList(), fetched);
        Set<String> bases = MaildirFiles.messageFiles(dovecot.mailDir("nora")).stream()
                .map(MaildirFiles::base)
                .collect(Collectors.toSet());
        assertEquals(bases, Set.copyOf(field(fetched, "guid")), "a Maildir message's GUID is its base");
    }

    @Test
    void mailboxStatusAgreesWithImapStatus() throws IOException {
        dovecot.deliver("olaf", TestMessages.message("status"));
        FolderStatus imapStatus;
        try (ImapSession imap = dovecot.imapSession("olaf")) {
            imapStatus = imap.status("INBOX");
        }

        String status = dovecot.doveadm("mailbox", "status", "-u", "olaf", "messages uidvalidity uidnext", "*");

        assertEquals(
                "INBOX messages=" + imapStatus.messages() + " uidnext=" + imapStatus.uidNext() + " uidvalidity="
                        + imapStatus.uidValidity(),
                status.strip());
    }

    @Test
    void forceResyncOfAHealthyMailboxKeepsItsUids() throws IOException {
        dovecot.deliver("pia", TestMessages.message("resync 1"));
        dovecot.deliver("pia", TestMessages.message("resync 2"));
        String before = dovecot.doveadm("fetch", "-u", "pia", "uid guid flags", "mailbox", "INBOX", "all");

        dovecot.doveadm("force-resync", "-u", "pia", "*");

        assertEquals(before, dovecot.doveadm("fetch", "-u", "pia", "uid guid flags", "mailbox", "INBOX", "all"));
    }

    @Test
    void aFailingDoveadmThrowsWithItsExitCodeAndStderr() {
        IOException failure = assertThrows(
                IOException.class,
                () -> dovecot.doveadm("fetch", "-u", "pia", "no-such-field", "mailbox", "INBOX", "all"));

        assertTrue(failure.getMessage().contains("failed with exit code"), failure.getMessage());
        assertTrue(failure.getMessage().contains("Unknown fetch field: no-such-field"), failure.getMessage());
    }

    private static List<String> field(String doveadmOutput, String name) {
        Matcher matcher = FIELD.matcher(doveadmOutput);
        return matcher.results()
                .filter(m -> m.group(1).equals(name))
                .map(m -> m.group(2).strip())
                .toList();
    }
}
