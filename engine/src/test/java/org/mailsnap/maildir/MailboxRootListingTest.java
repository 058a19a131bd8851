package org.mailsnap.maildir;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.mailsnap.maildir.Maildirs.folder;
import static org.mailsnap.maildir.Maildirs.maildir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The finder's shortcut: a Maildir++ mailbox whose root did not change since the last look takes its folders from
 * that look's {@link MailboxRootListing}. Each test shows the listing was used by what only the root's read would
 * have found (a folder added and the root's mtime put back, which no real change does), and when it must not be.
 */
class MailboxRootListingTest {
    private static final String NAME = "u1";

    @TempDir
    Path store;

    @TempDir
    Path elsewhere;

    /** A finder whose listings are taken {@code secondsAfterNow} from now. */
    private static MailboxFinder finderAt(long secondsAfterNow) {
        return new MailboxFinder(
                StoreLayout.MAILDIR_PLUS_PLUS, Clock.fixed(Instant.now().plusSeconds(secondsAfterNow), ZoneOffset.UTC));
    }

    private static List<String> folderNames(MailboxFinder.Finding finding) {
        return finding.mailboxes().get(0).folders().stream()
                .map(f -> f.key().folder())
                .toList();
    }

    /** Adds a folder behind the finder's back: the root's mtime is put back to what the listing saw. */
    private static void addFolderKeepingMtime(Path root, String folder, MailboxRootListing listing) throws IOException {
        folder(root, folder);
        Files.setLastModifiedTime(root, FileTime.from(listing.mtimeNanos(), TimeUnit.NANOSECONDS));
    }

    @Test
    void aRootWhoseMtimeStandsIsNotReadAgainAndOneThatChangedIs() throws IOException {
        Path root = maildir(store.resolve(NAME));
        folder(root, ".Sent");
        folder(root, ".Archive");
        MailboxFinder.Finding first = finderAt(5).find(store, line -> {}, Map.of());
        MailboxRootListing listing = first.listings().get(NAME);
        assertEquals(List.of(".Archive", ".Sent"), listing.folders());
        assertEquals(List.of("", ".Archive", ".Sent"), folderNames(first));

        addFolderKeepingMtime(root, ".Later", listing);
        MailboxFinder.Finding reused = finderAt(10).find(store, line -> {}, first.listings());
        assertEquals(List.of("", ".Archive", ".Sent"), folderNames(reused), "the root was not read");
        assertSame(listing, reused.listings().get(NAME), "the listing stays what it was");
        assertEquals(
                root.toRealPath().resolve(".Sent"),
                reused.mailboxes().get(0).folders().get(2).dir());

        Files.setLastModifiedTime(root, FileTime.from(listing.mtimeNanos() + 1, TimeUnit.NANOSECONDS));
        MailboxFinder.Finding read = finderAt(10).find(store, line -> {}, first.listings());
        assertEquals(List.of("", ".Archive", ".Later", ".Sent"), folderNames(read), "a changed mtime: read again");
        assertEquals(
                List.of(".Archive", ".Later", ".Sent"),
                read.listings().get(NAME).folders());
    }

    @Test
    void aListingTakenWithinTheTimestampGranularityOfTheRootsMtimeIsNotTrusted() throws IOException {
        Path root = maildir(store.resolve(NAME));
        folder(root, ".Sent");
        long mtime = DirectoryTimes.mtimeNanos(root);
        // listed in the same second as the root's last change: a change in that second could leave the mtime equal
        MailboxFinder sameSecond = new MailboxFinder(
                StoreLayout.MAILDIR_PLUS_PLUS,
                Clock.fixed(Instant.EPOCH.plusNanos(mtime + 900_000_000L), ZoneOffset.UTC));
        MailboxFinder.Finding first = sameSecond.find(store, line -> {}, Map.of());
        MailboxRootListing listing = first.listings().get(NAME);

        addFolderKeepingMtime(root, ".Later", listing);
        MailboxFinder.Finding next = finderAt(10).find(store, line -> {}, first.listings());
        assertEquals(List.of("", ".Later", ".Sent"), folderNames(next));
    }

    @Test
    void aRootHoldingADirectoryThatIsNotYetAFolderKeepsNoListing() throws IOException {
        Path root = maildir(store.resolve(NAME));
        folder(root, ".Sent");
        Path creating = Files.createDirectory(root.resolve(".Creating")); // Dovecot makes cur/ new/ tmp/ next
        MailboxFinder.Finding first = finderAt(5).find(store, line -> {}, Map.of());
        assertEquals(List.of("", ".Sent"), folderNames(first));
        assertFalse(first.listings().containsKey(NAME), "its cur/ can appear without the root changing");

        Files.createDirectory(creating.resolve("cur"));
        Files.createDirectory(creating.resolve("new"));
        MailboxFinder.Finding next = finderAt(10).find(store, line -> {}, first.listings());
        assertEquals(List.of("", ".Creating", ".Sent"), folderNames(next));
        assertEquals(List.of(".Creating", ".Sent"), next.listings().get(NAME).folders());
    }

    @Test
    void theLinksOfAListingAreReportedAgainEachTimeItIsUsed() throws IOException {
        Path root = maildir(store.resolve(NAME));
        folder(root, ".Sent");
        Files.createSymbolicLink(root.resolve(".Zlinked"), folder(elsewhere, ".Target"));
        Files.createSymbolicLink(root.resolve(".Alinked"), elsewhere);
        List<String> firstReports = new ArrayList<>();
        MailboxFinder.Finding first = finderAt(5).find(store, firstReports::add, Map.of());
        MailboxRootListing listing = first.listings().get(NAME);
        assertEquals(List.of(".Alinked", ".Zlinked"), listing.links());
        assertEquals(2, firstReports.size(), firstReports.toString());

        addFolderKeepingMtime(root, ".Later", listing);
        List<String> reports = new ArrayList<>();
        MailboxFinder.Finding next = finderAt(10).find(store, reports::add, first.listings());
        assertEquals(List.of("", ".Sent"), folderNames(next), "the listing was used");
        assertEquals(firstReports, reports, "the same lines, in the same order");
    }
}
