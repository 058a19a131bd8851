package org.mailsnap.maildir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.mailsnap.maildir.Maildirs.folder;
import static org.mailsnap.maildir.Maildirs.maildir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mailsnap.model.FolderKey;

class MailboxFinderTest {
    @TempDir
    Path store;
    /** Outside the store: where links point. */
    @TempDir
    Path elsewhere;

    private static List<String> folderNames(Mailbox mailbox) {
        return mailbox.folders().stream().map(f -> f.key().folder()).toList();
    }

    @Test
    void maildirPlusPlusTreeWithNestedFolders() throws IOException {
        Path root = maildir(store.resolve("example.org/alice/Maildir"));
        folder(root, ".Sent");
        folder(root, ".Lists.dovecot");
        folder(root, ".Lists");
        folder(root, "..DOVECOT-TRASHED");
        Files.createDirectories(root.resolve(".NotAFolder/cur")); // no new/: not a folder
        Files.write(root.resolve("dovecot.index.log"), new byte[] {1});
        Files.write(root.resolve("dovecot-uidlist.lock"), new byte[] {1});
        Files.write(root.resolve("subscriptions"), new byte[] {1});

        List<Mailbox> found = new MailboxFinder(StoreLayout.MAILDIR_PLUS_PLUS).find(store);

        assertEquals(1, found.size());
        Mailbox alice = found.get(0);
        assertEquals("example.org/alice/Maildir", alice.name());
        assertEquals(root.toRealPath(), alice.root());
        assertEquals(List.of("", ".Lists", ".Lists.dovecot", ".Sent"), folderNames(alice));
        assertEquals(
                new FolderKey("example.org/alice/Maildir", ".Sent"),
                alice.folders().get(3).key());
        assertEquals(root.toRealPath().resolve(".Sent"), alice.folders().get(3).dir());
    }

    @Test
    void layoutFsNestedFolders() throws IOException {
        Path root = maildir(store.resolve("bob"));
        maildir(root.resolve("Sent"));
        maildir(root.resolve("Archive/2024"));
        maildir(root.resolve("Archive/2024/Q1"));
        maildir(root.resolve("..DOVECOT-TRASHED"));
        maildir(root.resolve(".hidden"));

        Mailbox bob = new MailboxFinder(StoreLayout.FS).find(store).get(0);

        assertEquals("bob", bob.name());
        assertEquals(
                List.of("", "Archive/2024", "Archive/2024/Q1", "Sent"),
                folderNames(bob),
                "Archive itself has no cur/new: it is no folder, but its children are");
        List<Mailbox> asPlusPlus = new MailboxFinder(StoreLayout.MAILDIR_PLUS_PLUS).find(store);
        assertEquals(
                List.of("", ".hidden"),
                folderNames(asPlusPlus.get(0)),
                "the layout is an option, not a guess: read as Maildir++ only the dot directory is a folder");
    }

    @Test
    void storeThatIsItselfAMaildir() throws IOException {
        maildir(store);
        folder(store, ".Drafts");
        List<Mailbox> found = new MailboxFinder(StoreLayout.MAILDIR_PLUS_PLUS).find(store);
        assertEquals(1, found.size());
        assertEquals("", found.get(0).name());
        assertEquals(
                List.of(new FolderKey("", ""), new FolderKey("", ".Drafts")),
                found.get(0).folders().stream().map(MailFolder::key).toList());
    }

    @Test
    void storeWithManyUsersInSortedOrder() throws IOException {
        for (String user : new String[] {"zed", "amy", "b.c", "b/c", "b-c", "mo"}) {
            maildir(store.resolve("users").resolve(user).resolve("Maildir"));
        }
        Files.createDirectories(store.resolve("users/empty/notamaildir"));
        List<String> names = new MailboxFinder(StoreLayout.MAILDIR_PLUS_PLUS)
                .find(store).stream().map(Mailbox::name).toList();
        assertEquals(
                List.of(
                        "users/amy/Maildir",
                        "users/b-c/Maildir",
                        "users/b.c/Maildir",
                        "users/b/c/Maildir",
                        "users/mo/Maildir",
                        "users/zed/Maildir"),
                names);
    }

    @Test
    void symlinksAreNeverFollowedSoALoopEnds() throws IOException {
        Path root = maildir(store.resolve("u1"));
        Files.createSymbolicLink(store.resolve("loop"), store);
        Files.createSymbolicLink(root.resolve(".Escape"), store.getRoot());
        Path outside = Files.createTempDirectory("outside");
        try {
            maildir(outside.resolve("victim"));
            Files.createSymbolicLink(store.resolve("elsewhere"), outside);
            List<Mailbox> found = new MailboxFinder(StoreLayout.MAILDIR_PLUS_PLUS).find(store);
            assertEquals(List.of("u1"), found.stream().map(Mailbox::name).toList());
            assertEquals(List.of(""), folderNames(found.get(0)));
        } finally {
            Files.delete(store.resolve("elsewhere"));
            for (String sub : new String[] {"cur", "new", "tmp"}) {
                Files.delete(outside.resolve("victim").resolve(sub));
            }
            Files.delete(outside.resolve("victim"));
            Files.delete(outside);
        }
    }

    @Test
    void missingStoreIsAClearError() {
        assertThrows(
                NoSuchFileException.class,
                () -> new MailboxFinder(StoreLayout.MAILDIR_PLUS_PLUS).find(store.resolve("nope")));
    }

    @Test
    void everyLinkWhereAMailboxFolderOrMailDirCouldBeIsReportedOnceByItsStorePath() throws IOException {
        Path outside = elsewhere;
        Path target = folder(outside, ".Target");
        Path root = maildir(store.resolve("u1"));
        folder(root, ".Real");
        Files.createSymbolicLink(root.resolve(".Linked"), target);
        Files.createSymbolicLink(root.resolve("notafolder"), outside); // Maildir++ ignores non-dot names anyway
        Path half = folder(root, ".Half");
        Files.delete(half.resolve("new"));
        Files.createSymbolicLink(half.resolve("new"), target.resolve("new"));
        Path u2 = store.resolve("u2");
        Files.createDirectories(u2.resolve("new"));
        Files.createDirectories(u2.resolve("tmp"));
        Files.createSymbolicLink(u2.resolve("cur"), target.resolve("cur"));
        folder(u2, ".Sub"); // would be taken for a mailbox "u2/.Sub" if the walk went on below u2
        Files.createSymbolicLink(store.resolve("u3"), maildir(outside.resolve("u3")));
        Files.createSymbolicLink(store.resolve("README"), target.resolve("maildirfolder")); // a file: no mailbox

        List<String> reported = new java.util.ArrayList<>();
        List<Mailbox> found = new MailboxFinder(StoreLayout.MAILDIR_PLUS_PLUS).find(store, reported::add);
        assertEquals(List.of("u1"), found.stream().map(Mailbox::name).toList());
        assertEquals(List.of("", ".Real"), folderNames(found.get(0)));
        assertEquals(
                List.of(
                        "u1/.Half: new/ is a symbolic link, not followed: this folder is not backed up",
                        "u1/.Linked: a symbolic link where a folder could be, not followed: nothing behind it is backed up",
                        "u2: cur/ is a symbolic link, not followed: this mailbox is not backed up",
                        "u3: a symbolic link where a directory of the store could be, not followed: nothing behind it is"
                                + " backed up"),
                reported);
        assertEquals(
                found.size(),
                new MailboxFinder(StoreLayout.MAILDIR_PLUS_PLUS).find(store).size(),
                "the plain find finds the same");
    }

    @Test
    void inTheFsLayoutALinkedFolderIsReported() throws IOException {
        Path outside = elsewhere;
        Path bob = maildir(store.resolve("bob"));
        maildir(bob.resolve("Sent"));
        Files.createSymbolicLink(bob.resolve("Archive"), maildir(outside.resolve("Archive")));
        List<String> reported = new java.util.ArrayList<>();
        Mailbox found =
                new MailboxFinder(StoreLayout.FS).find(store, reported::add).get(0);
        assertEquals(List.of("", "Sent"), folderNames(found));
        assertEquals(
                List.of("bob/Archive: a symbolic link where a folder could be, not followed: nothing behind it"
                        + " is backed up"),
                reported);
    }
}
