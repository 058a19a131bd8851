package org.mailsnap.dovecot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The lock primitive a consistent backup needs: while {@code dovecot-uidlist.lock} exists with a live
 * {@code <pid>:<host>}, Dovecot does not change the folder's files (here: a flag rename waits), and it carries on
 * as soon as the lock is gone. Deliveries do not wait for the lock.
 */
class UidlistLockEtiquetteTest extends LiveDovecotTest {

    /** Long enough to show that a command is waiting, far below Dovecot's 120 s stale-lock limit. */
    private static final long STILL_WAITING_SECONDS = 2;

    private static final long COMPLETES_SECONDS = 30;

    private ExecutorService otherClient;

    @BeforeEach
    void startOtherClient() {
        otherClient = Executors.newSingleThreadExecutor();
    }

    @AfterEach
    void stopOtherClient() {
        otherClient.shutdownNow();
    }

    @Test
    void aStoreWaitsWhileTheLockExistsAndCompletesOnceItIsRemoved() throws Exception {
        dovecot.deliver("quinn", TestMessages.message("locked"));
        Path inbox = dovecot.mailDir("quinn");
        try (ImapSession imap = dovecot.imapSession("quinn")) {
            imap.select("INBOX"); // Dovecot moves the delivery to cur/ and records its UID before we lock
            long uid = imap.fetchAll("INBOX").get(0).uid();
            Path before = MaildirFiles.onlyMessage(inbox);

            Future<?> store;
            try (UidlistLockFile lock = UidlistLockFile.take(inbox, mailUser())) {
                store = otherClient.submit(() -> {
                    imap.addFlags("INBOX", uid, "\\Seen");
                    return null;
                });

                dovecot.awaitImapCommand("quinn", "STORE", Duration.ofSeconds(COMPLETES_SECONDS)); // reached Dovecot
                assertThrows(
                        TimeoutException.class,
                        () -> store.get(STILL_WAITING_SECONDS, TimeUnit.SECONDS),
                        "STORE must wait for the lock");
                assertEquals(before, MaildirFiles.onlyMessage(inbox), "no flag rename while the lock is held");
                assertTrue(lock.isHeld(), "Dovecot must not break a live lock");
            }
            store.get(COMPLETES_SECONDS, TimeUnit.SECONDS);

            assertEquals(
                    MaildirFiles.base(before) + ":2,S",
                    MaildirFiles.onlyMessage(inbox).getFileName().toString());
        }
    }

    @Test
    void aDeliveryDoesNotWaitForTheLock() throws Exception {
        dovecot.deliver("rosa", TestMessages.message("before the lock"));
        Path inbox = dovecot.mailDir("rosa");
        try (ImapSession imap = dovecot.imapSession("rosa")) {
            imap.select("INBOX");
        }

        try (UidlistLockFile lock = UidlistLockFile.take(inbox, mailUser())) {
            Future<?> delivery = otherClient.submit(() -> {
                dovecot.deliver("rosa", TestMessages.message("while locked"));
                return null;
            });

            delivery.get(COMPLETES_SECONDS, TimeUnit.SECONDS);
            List<Path> files = MaildirFiles.messageFiles(inbox);
            assertEquals(2, files.size(), files.toString());
            assertTrue(lock.isHeld());
        }
    }

    @Test
    void aSecondTakerIsRefusedWhileTheLockExists() throws IOException {
        dovecot.deliver("sven", TestMessages.message("exclusive"));
        Path inbox = dovecot.mailDir("sven");

        try (UidlistLockFile first = UidlistLockFile.take(inbox, mailUser())) {
            assertThrows(FileAlreadyExistsException.class, () -> UidlistLockFile.take(inbox, mailUser()));
            assertTrue(first.isHeld());
        }
    }

    private static MailUser mailUser() {
        return new MailUser(MailUser.DEFAULT_NAME, dovecot.mailUid(), dovecot.mailGid());
    }
}
