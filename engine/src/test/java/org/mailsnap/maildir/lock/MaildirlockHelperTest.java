package org.mailsnap.maildir.lock;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mailsnap.model.FolderKey;

/** Runs Debian's real {@code /usr/lib/dovecot/maildirlock} (Dovecot 2.3.19), whose child panics at once. */
class MaildirlockHelperTest {
    private static final FolderKey FOLDER = new FolderKey("bob", "");

    @TempDir
    Path dir;

    @BeforeEach
    void dovecotIsInstalled() {
        assertTrue(
                Files.isExecutable(MaildirlockHelper.DEFAULT_BINARY),
                "Dovecot must be installed for this test" + " (apt-get install dovecot-imapd): "
                        + MaildirlockHelper.DEFAULT_BINARY + " is missing");
    }

    private static MaildirlockHelper helper(Path binary) {
        return new MaildirlockHelper(binary, Duration.ofSeconds(2), Duration.ofMillis(250), Clock.systemUTC());
    }

    @Test
    void refusedWhenTheHelpersChildDoesNotHoldTheLock() {
        MaildirlockHelper helper = helper(MaildirlockHelper.DEFAULT_BINARY);

        LockNotHeldException refused = assertThrows(
                LockNotHeldException.class,
                () -> {
                    FolderLock lock = helper.lock(FOLDER, dir);
                    lock.verifyHeld(); // what a capture does before trusting its listing
                },
                "a listing under this helper would be unprotected");

        String message = refused.getMessage();
        assertTrue(message.contains("maildirlock helper does not hold the lock"), message);
        assertTrue(message.contains("Debian bug 932253"), message);
        assertTrue(message.contains("--lock dovecot"), message);
        assertTrue(message.contains("bob|INBOX"), message);
        assertFalse(
                Files.exists(dir.resolve("dovecot-uidlist.lock")),
                "the dead child's lock file is removed so Dovecot need not wait for it");
    }

    @Test
    void theHelperWaitsForOurDotlockAndTimesOut() throws Exception {
        DotLockSettings settings =
                DotLockSettings.dovecotDefaults(LockIdentity.ofThisProcess(PidNamespacePolicy.SHARED));
        DovecotDotLock ours =
                new DovecotDotLocker(settings, Clock.systemUTC(), TouchScheduler.daemon()).lock(FOLDER, dir);
        try {
            LockTimeoutException e = assertThrows(
                    LockTimeoutException.class,
                    () -> new MaildirlockHelper(
                                    MaildirlockHelper.DEFAULT_BINARY,
                                    Duration.ofSeconds(1),
                                    Duration.ofMillis(250),
                                    Clock.systemUTC())
                            .lock(FOLDER, dir),
                    "Dovecot's own locking code must respect the lock mailsnap writes");
            assertTrue(e.getMessage().contains("held by " + settings.identity().content() + ":"), e.getMessage());
            assertTrue(e.getMessage().contains("bob|INBOX"), e.getMessage());
        } finally {
            assertTrue(ours.release());
        }
    }

    @Test
    void missingHelperIsAClearError() {
        NoSuchFileException e = assertThrows(
                NoSuchFileException.class,
                () -> helper(dir.resolve("no-such-maildirlock")).lock(FOLDER, dir));
        assertTrue(e.getMessage().contains("maildirlock helper is not installed"), e.getMessage());
        assertTrue(e.getMessage().contains("--lock dovecot"), e.getMessage());
    }
}
