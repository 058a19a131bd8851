package org.mailsnap.dovecot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mailsnap.backup.BackupResult;
import org.mailsnap.maildir.MessageFiles;
import org.mailsnap.maildir.lock.LockMode;

/**
 * A message new to the backup is listed under the lock; then, before the backup reads its bytes (the lock is
 * released by then, so Dovecot may do this at any moment), an IMAP client moves it to another folder, or expunges
 * one of its two copies. The mailbox never had the message in no folder, so the snapshot must still hold it. The
 * change is made deterministic by doing it from inside the backup's first access to the message file
 * ({@link MessageFiles} is the engine's hook for that), which runs after the capture returned.
 *
 * <p>These are the two deterministic cases behind {@link ConcurrentActivityBackupTest}: the engine finds the moved
 * file by its base in any folder, keeps the copy whose file is still there, and captures the mailbox again when a
 * listed base is nowhere.
 */
class ChangeBetweenListingAndReadingTest extends LiveDovecotTest {

    @TempDir
    Path tmp;

    @Test
    void aNewMessageMovedBetweenListingAndReadingIsInTheSnapshotOnce() throws IOException {
        String user = "milo";
        try (ImapSession imap = dovecot.imapSession(user);
                DovecotBackups backups = new DovecotBackups(
                        tmp.resolve("backup"), dovecot.mailDir(user).getParent())) {
            imap.create("Archive");
            imap.append("INBOX", TestMessages.message("known-1"));
            backups.backup(LockMode.DOVECOT.defaultLocker()); // the catalog knows the first message from now on

            long uid = imap.append("INBOX", TestMessages.message("moving-1"), "\\Flagged");
            String base = MaildirFiles.base(MaildirFiles.messageFiles(dovecot.mailDir(user)).stream()
                    .filter(f -> !containsMarker(f, "known-1"))
                    .findFirst()
                    .orElseThrow());
            AtomicBoolean moved = new AtomicBoolean();
            MessageFiles moveOnFirstAccess = new MessageFiles() {
                @Override
                public InputStream open(Path file) throws IOException {
                    moveOnce(file);
                    return MessageFiles.real().open(file);
                }

                @Override
                public BasicFileAttributes stat(Path file) throws IOException {
                    moveOnce(file);
                    return MessageFiles.real().stat(file);
                }

                private void moveOnce(Path file) throws IOException {
                    if (MaildirFiles.base(file).equals(base) && moved.compareAndSet(false, true)) {
                        imap.move("INBOX", uid, "Archive"); // Dovecot is free to: the capture released its locks
                    }
                }
            };

            BackupResult result = backups.backup(LockMode.DOVECOT.defaultLocker(), moveOnFirstAccess);

            assertTrue(moved.get(), "the backup read the new message after listing it");
            assertFalse(result.partial(), result.problems().toString());
            SnapshotContents snapshot = backups.contents(result, user);
            Map<String, Integer> inbox = snapshot.markerCounts("INBOX");
            Map<String, Integer> archive = snapshot.markerCounts("Archive");
            assertEquals(
                    1,
                    inbox.getOrDefault("moving-1", 0) + archive.getOrDefault("moving-1", 0),
                    "moving-1 was in INBOX at lock time and in Archive after it, so the snapshot must hold it once;"
                            + " INBOX " + inbox + ", Archive " + archive + ", progress: vanished "
                            + result.progress().vanished.get() + ", problems " + result.problems());
            assertEquals(
                    Map.of("known-1", 1),
                    inbox.entrySet().stream()
                            .filter(e -> !e.getKey().equals("moving-1"))
                            .collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue)));
        }
    }

    @Test
    void aCopiedMessageKeepsTheCopyThatIsStillThereWhenTheOtherIsExpungedBeforeReading() throws IOException {
        String user = "nina";
        try (ImapSession imap = dovecot.imapSession(user);
                DovecotBackups backups = new DovecotBackups(
                        tmp.resolve("backup"), dovecot.mailDir(user).getParent())) {
            imap.create("Archive");
            long uid = imap.append("INBOX", TestMessages.message("copied-1"), "\\Seen");
            imap.copy("INBOX", uid, "Archive"); // a hard link: one base in two folders, read once by the backup
            String base = MaildirFiles.base(MaildirFiles.onlyMessage(dovecot.mailDir(user)));
            AtomicBoolean expunged = new AtomicBoolean();
            MessageFiles expungeOnFirstAccess = new MessageFiles() {
                @Override
                public InputStream open(Path file) throws IOException {
                    expungeOnce(file);
                    return MessageFiles.real().open(file);
                }

                @Override
                public BasicFileAttributes stat(Path file) throws IOException {
                    expungeOnce(file);
                    return MessageFiles.real().stat(file);
                }

                private void expungeOnce(Path file) throws IOException {
                    if (MaildirFiles.base(file).equals(base) && expunged.compareAndSet(false, true)) {
                        String folder =
                                file.getParent().getParent().equals(dovecot.mailDir(user)) ? "INBOX" : "Archive";
                        long inFolder = imap.fetchAll(folder).get(0).uid();
                        imap.expunge(folder, inFolder); // the copy the backup is about to read goes away
                    }
                }
            };

            BackupResult result = backups.backup(LockMode.DOVECOT.defaultLocker(), expungeOnFirstAccess);

            assertTrue(expunged.get(), "the backup read the new message after listing it");
            SnapshotContents snapshot = backups.contents(result, user);
            int inbox = snapshot.markerCounts("INBOX").getOrDefault("copied-1", 0);
            int archive = snapshot.markerCounts("Archive").getOrDefault("copied-1", 0);
            String found = "INBOX " + inbox + ", Archive " + archive + ", vanished "
                    + result.progress().vanished.get() + ", problems " + result.problems();
            assertEquals(
                    1,
                    archive,
                    "copied-1 was in both folders at lock time and its Archive copy is still there,"
                            + " so the snapshot must hold that one; " + found);
            assertTrue(inbox <= 1, found); // with or without the expunged copy: both were real states
        }
    }

    private static boolean containsMarker(Path file, String marker) {
        try {
            return new String(Files.readAllBytes(file), java.nio.charset.StandardCharsets.ISO_8859_1)
                    .contains("<" + marker + "@mailsnap.test>");
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
