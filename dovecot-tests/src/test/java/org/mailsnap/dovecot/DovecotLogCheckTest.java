package org.mailsnap.dovecot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code assertLogClean()} sees the problems Dovecot reports, wherever Dovecot reports them. */
class DovecotLogCheckTest {

    @Test
    void errorLinesInjectedThroughDovecotsLogAreCaught() throws IOException {
        try (DovecotServer dovecot = DovecotServer.start()) {
            dovecot.assertLogClean();

            dovecot.doveadm("log", "test"); // Dovecot writes one line per level to log_path
            dovecot.stop();

            List<String> problems = dovecot.logProblems();
            assertEquals(2, problems.size(), problems.toString());
            assertTrue(problems.get(0).contains(": Error: This is Dovecot's error log"), problems.toString());
            assertTrue(problems.get(1).contains(": Fatal: This is Dovecot's fatal log"), problems.toString());
            AssertionError failure = assertThrows(AssertionError.class, dovecot::assertLogClean);
            assertTrue(failure.getMessage().contains("This is Dovecot's error log"), failure.getMessage());
        }
    }

    @Test
    void aBrokenUidlistSeenByImapIsCaught() throws IOException {
        try (DovecotServer dovecot = DovecotServer.start()) {
            breakUidlist(dovecot, "tess");

            try (ImapSession imap = dovecot.imapSession("tess")) {
                imap.select("INBOX");
            }
            dovecot.stop();

            assertTrue(
                    dovecot.logProblems().stream()
                            .anyMatch(line -> line.contains("imap(tess)")
                                    && line.contains("dovecot-uidlist")
                                    && line.contains("UIDs not ordered")),
                    dovecot.logProblems().toString());
        }
    }

    @Test
    void aBrokenUidlistSeenByDoveadmIsCaughtFromItsStderr() throws IOException {
        try (DovecotServer dovecot = DovecotServer.start()) {
            breakUidlist(dovecot, "ugo");

            dovecot.doveadm("fetch", "-u", "ugo", "uid", "mailbox", "INBOX", "all"); // exits 0 all the same

            assertTrue(
                    dovecot.logProblems().stream()
                            .anyMatch(line ->
                                    line.startsWith("doveadm(ugo): Error: ") && line.contains("UIDs not ordered")),
                    dovecot.logProblems().toString());
        }
    }

    @Test
    void onlyProblemLinesAreReported() {
        String log = String.join(
                "\n",
                "Nov 29 03:11:57 imap(a)<1><s>: Info: Disconnected: Logged out",
                "Nov 29 03:11:57 master: Warning: Killed with signal 15 (by pid=1 uid=0 code=kill)",
                "Nov 29 03:11:57 imap(a)<1><s>: Error: something failed",
                "Nov 29 03:11:57 imap(a)<1><s>: Panic: file x.c: assertion failed",
                "Nov 29 03:11:57 imap(a)<1><s>: Warning: Maildir /m: Fixed a duplicate: /m/cur/1.b -> 2.b",
                "Nov 29 03:11:57 imap(a)<1><s>: Warning: /m/dovecot-uidlist: Duplicate file entry at line 4",
                "Nov 29 03:11:57 imap(a)<1><s>: Warning: Maildir /m: Expunged message reappeared, giving a new UID",
                "Nov 29 03:11:57 lmtp(1): Info: uidlist mentioned at info level is fine");

        List<String> problems = DovecotLog.problems(log);

        assertEquals(5, problems.size(), problems.toString());
        assertTrue(problems.stream().noneMatch(line -> line.contains(": Info: ")), problems.toString());
    }

    /** Two messages with a uidlist whose UIDs go down: Dovecot reports it, deletes it and renumbers. */
    private static void breakUidlist(DovecotServer dovecot, String user) throws IOException {
        dovecot.deliver(user, TestMessages.message("one"));
        dovecot.deliver(user, TestMessages.message("two"));
        try (ImapSession imap = dovecot.imapSession(user)) {
            imap.select("INBOX"); // writes the uidlist
        }
        Path uidlist = dovecot.mailDir(user).resolve("dovecot-uidlist");
        List<String> lines = Files.readAllLines(uidlist);
        List<String> broken = new ArrayList<>(List.of(lines.get(0)));
        broken.add(lines.get(1).replaceFirst("^1 ", "2 "));
        broken.add(lines.get(2).replaceFirst("^2 ", "1 "));
        Path replacement = uidlist.resolveSibling("dovecot-uidlist.test-tmp");
        Files.write(replacement, broken);
        dovecot.giveToMailUser(replacement);
        Files.move(replacement, uidlist, StandardCopyOption.ATOMIC_MOVE); // a new inode: Dovecot re-reads it
    }
}
