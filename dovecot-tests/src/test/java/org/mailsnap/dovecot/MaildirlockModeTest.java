package org.mailsnap.dovecot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mailsnap.backup.BackupResult;
import org.mailsnap.maildir.lock.DovecotDotLocker;
import org.mailsnap.maildir.lock.LockMode;
import org.mailsnap.maildir.lock.MaildirlockHelper;

/**
 * {@code --lock maildirlock} on an installation whose helper does not hold the lock (Debian 12's Dovecot 2.3.19:
 * the helper's child panics at once, Debian bug 932253): the backup refuses that mailbox with a message that says
 * why and what to use instead, leaves no lock file behind, and Dovecot goes on undisturbed. Where the helper works
 * this test fails on purpose, so that the claim in the README is revisited.
 */
class MaildirlockModeTest {

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
    void aBrokenMaildirlockHelperMakesTheBackupRefuseTheMailboxClearly() throws Exception {
        assertTrue(Files.isExecutable(MaildirlockHelper.DEFAULT_BINARY),
                "Dovecot 2.3's helper must be installed for this test: " + MaildirlockHelper.DEFAULT_BINARY);
        String user = "mara";
        try (ImapSession imap = dovecot.imapSession(user);
             DovecotBackups backups = new DovecotBackups(tmp.resolve("backup"), dovecot.mailDir(user).getParent())) {
            long uid = imap.append("INBOX", TestMessages.message("mara-1"));
            imap.select("INBOX");

            BackupResult result = backups.backup(LockMode.MAILDIRLOCK.defaultLocker());

            assertTrue(result.partial(), "the mailbox was refused: the run is partial");
            assertEquals(List.of(user), result.snapshot().stats().failedMailboxes());
            String problem = String.join("\n", result.problems());
            System.out.println("problem reported: " + problem);
            assertTrue(problem.startsWith(user + ": not backed up: the maildirlock helper does not hold the lock"),
                    problem);
            assertTrue(problem.contains("Debian bug 932253") && problem.contains("use --lock dovecot"), problem);
            assertTrue(backups.contents(result, user).folders().isEmpty(), "nothing of the mailbox was trusted");
            assertFalse(Files.exists(dovecot.mailDir(user).resolve(DovecotDotLocker.LOCK_FILE)),
                    "no orphaned lock file left for Dovecot to wait on");

            CompletableFuture<Void> store = CompletableFuture.runAsync(() -> {
                try {
                    imap.addFlags("INBOX", uid, "\\Seen");
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
            store.get(Duration.ofSeconds(30).toMillis(), TimeUnit.MILLISECONDS); // Dovecot is not blocked

            BackupResult dovecotLock = backups.backup(LockMode.DOVECOT.defaultLocker());
            assertFalse(dovecotLock.partial(), dovecotLock.problems().toString());
            assertEquals(Map.of("mara-1", 1), backups.contents(dovecotLock, user).markerCounts("INBOX"),
                    "the recommended mode backs the same mailbox up");
        }
    }
}
