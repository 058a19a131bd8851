package org.mailsnap.backup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mailsnap.maildir.Maildirs;
import org.mailsnap.maildir.MessageFiles;
import org.mailsnap.maildir.lock.FolderLocker;
import org.mailsnap.restore.RestoreMode;

/**
 * A message that was listed but could not be read is never silently dropped: every later run retries and reports it
 * until it is stored, also when nothing else in its folder changes. (Tests run as root, which reads any file, so the
 * permission error comes from a file opener that refuses one name, as the kernel would for a mail user.)
 */
class UnreadableMessageTest {
    private static final String LOCKED = "1700000002.M2P1.h:2,S";

    @TempDir
    Path tmp;

    @Test
    void everyRunRetriesAndReportsItUntilItIsStored() throws Exception {
        Path store = tmp.resolve("store");
        Path inbox = Maildirs.maildir(store.resolve("u"));
        Maildirs.message(inbox, "cur", "1700000001.M1P1.h:2,S");
        Maildirs.message(inbox, "cur", LOCKED);
        Denying files = new Denying();
        files.denied.add(LOCKED);
        BackupSettings settings =
                BackupSettings.builder(store, "testhost").threads(2).build();
        try (BackupFixture f = new BackupFixture(tmp.resolve("backup"))) {
            BackupResult first = f.backup(settings, files, FolderLocker.none());
            assertTrue(first.partial());
            assertTrue(
                    first.problems().stream()
                            .anyMatch(p -> p instanceof BackupProblem.UnreadableMessage u
                                    && u.file().toString().contains(LOCKED)),
                    first.problems().toString());

            Trees.ageDirectories(store); // nothing changes in the folder
            BackupResult second = f.backup(settings, files, FolderLocker.none());
            assertTrue(second.partial(), "still missing, still reported");
            assertTrue(
                    second.problems().stream()
                            .anyMatch(p -> p instanceof BackupProblem.UnreadableMessage u
                                    && u.file().toString().contains(LOCKED)),
                    second.problems().toString());
            assertEquals(1, second.progress().unreadable.get());

            files.denied.clear(); // the admin fixes the permissions; the folder's mtimes stay as they were
            BackupResult third = f.backup(settings, files, FolderLocker.none());
            assertFalse(third.partial(), third.problems().toString());
            assertEquals(1, third.progress().messagesRead.get(), "only the missing message is read");
            Path restored = tmp.resolve("restored");
            f.restore(third.snapshotId(), "u", restored, RestoreMode.EMPTY_TARGET);
            assertEquals(List.of(), Trees.diff(Trees.capture(inbox), Trees.capture(restored), p -> false));

            BackupResult fourth = f.backup(settings, files, FolderLocker.none());
            assertEquals(0, fourth.progress().foldersListed.get(), "clean again: the folder is not listed");
        }
    }

    /** Real files, except that the names in {@link #denied} cannot be opened. */
    private static final class Denying implements MessageFiles {
        final Set<String> denied = ConcurrentHashMap.newKeySet();
        private final MessageFiles real = MessageFiles.real();

        @Override
        public InputStream open(Path file) throws IOException {
            if (denied.contains(file.getFileName().toString())) {
                throw new AccessDeniedException(file.toString());
            }
            return real.open(file);
        }

        @Override
        public BasicFileAttributes stat(Path file) throws IOException {
            return real.stat(file);
        }
    }
}
