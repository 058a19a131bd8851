package org.mailsnap.retention;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mailsnap.backup.BackupFixture;
import org.mailsnap.catalog.Catalog;
import org.mailsnap.catalog.CatalogReader;
import org.mailsnap.catalog.MessageQuery;
import org.mailsnap.history.SnapshotHistory;
import org.mailsnap.recovery.CatalogRebuild;
import org.mailsnap.recovery.MessageFinder;
import org.mailsnap.recovery.MessageHit;
import org.mailsnap.recovery.RebuildProgress;
import org.mailsnap.recovery.RepositoryLedgers;
import org.mailsnap.repository.BlobStore;
import org.mailsnap.restore.DeletedMail;
import org.mailsnap.restore.LedgerSnapshot;
import org.mailsnap.restore.RestoreMode;
import org.mailsnap.restore.RestoreRequest;
import org.mailsnap.restore.Restorer;

/**
 * {@code find --deleted-since} after {@code forget --keep-last 1 --keep-deleted-within 3d} on eight daily snapshots
 * of a store losing mail every day: every snapshot that held the expunged mail is forgotten, so only the ledger keeps
 * it. The catalog the backups built and one rebuilt from the repository alone find exactly the messages that left
 * their mailbox within the window, with the same answers (when last seen and gone, folder, flags, where to restore
 * from); mail expunged before the window is found by neither, however early the search starts; and each hit's
 * message comes back from the ledger byte for byte.
 */
class DeletedMailFindTest {
    @TempDir
    Path tmp;

    @Test
    void theBackupsCatalogAndARebuiltOneFindWhatTheLedgerKeeps() throws Exception {
        try (BackupFixture f = new BackupFixture(tmp.resolve("repo"))) {
            DeletedMailHistory history = DeletedMailHistory.ofDays(f, tmp, 8);
            history.forgetAllButTheNewest("3d");
            assertEquals(1, f.snapshotIds().size(), "only the ledger's carrier is left");

            Instant windowStart = history.times.get(7).minus(Duration.ofDays(3));
            Map<String, Instant> within = new TreeMap<>(history.expunged());
            Set<String> before = new TreeSet<>(within.keySet());
            within.values().removeIf(goneBy -> goneBy.isBefore(windowStart));
            before.removeAll(within.keySet());
            assertFalse(within.isEmpty(), "mail left within the window");
            assertFalse(before.isEmpty(), "mail left before the window");

            MessageQuery sinceTheStart = MessageQuery.all().withLimit(100_000).withGoneSince(history.times.get(0));
            List<MessageHit> byBackups = find(f, f.catalog, sinceTheStart);
            assertEquals(within.keySet(), keys(byBackups), "before the window nothing keeps it: not found");
            for (MessageHit hit : byBackups) {
                String key = hit.mailbox() + '\0' + hit.guid();
                assertEquals(within.get(key), hit.info().goneBy(), key);
                assertNull(hit.lastSnapshot(), "its snapshots were forgotten: " + key);
                assertNotNull(hit.ledger(), "the ledger keeps it: " + key);
                assertEquals(hit.ledger(), hit.restoreFrom());
            }
            MessageQuery exactlyAsMany = sinceTheStart.withLimit(within.size() + before.size());
            MessageFinder.Found cut;
            try (CatalogReader reader = f.catalog.read()) {
                cut = finder(f, f.catalog).search(reader, exactlyAsMany);
            }
            assertEquals(within.keySet(), keys(cut.hits()));
            assertTrue(cut.limitReached(), "the index had as many matches as asked for, though not all are listed");

            Instant lateSince = history.times.get(6);
            Set<String> late = new TreeSet<>();
            within.forEach((key, goneBy) -> {
                if (!goneBy.isBefore(lateSince)) {
                    late.add(key);
                }
            });
            assertEquals(late, keys(find(f, f.catalog, sinceTheStart.withGoneSince(lateSince))));

            Catalog rebuilt =
                    Catalog.open(tmp.resolve("rebuilt"), f.repository.config().repositoryId());
            try (rebuilt) {
                new CatalogRebuild(f.repository, rebuilt).run(new RebuildProgress());
                assertEquals(answers(byBackups), answers(find(f, rebuilt, sinceTheStart)));
                assertEquals(late, keys(find(f, rebuilt, sinceTheStart.withGoneSince(lateSince))));
            }

            restoresEachByteForByte(f, history, byBackups);
        }
    }

    /** What {@code restore --snapshot <ledger> -m M --message GUID} does for each hit: the bytes it had. */
    private void restoresEachByteForByte(BackupFixture f, DeletedMailHistory history, List<MessageHit> hits)
            throws IOException {
        BlobStore blobs = f.repository.openBlobStore(f.catalog.blobs());
        int n = 0;
        for (MessageHit hit : hits) {
            Path target = tmp.resolve("restored-" + n++);
            RestoreRequest request =
                    new RestoreRequest(hit.mailbox(), null, hit.guid(), target, RestoreMode.EMPTY_TARGET);
            var carrier = f.snapshot(hit.restoreFrom().id());
            assertFalse(
                    new org.mailsnap.walk.SnapshotWalker(blobs::get, carrier.separator())
                            .holds(carrier, request.selection()),
                    "the carrier lacks it: the ledger is asked");
            LedgerSnapshot deleted = DeletedMail.of(f.repository, blobs::get, carrier.storeKey(), request, null);
            assertEquals(1, deleted.messages(), hit.guid());
            assertEquals(
                    1,
                    new Restorer(deleted.blobs(), 2)
                            .restore(deleted.snapshot(), request)
                            .messages());
            Path folder = target.resolve(hit.folder().isEmpty() ? "" : hit.folder());
            Path file;
            try (var files = Files.walk(folder, 2)) {
                // the generated messages are never re-based: the GUID is the base
                file = files.filter(p -> p.getFileName().toString().startsWith(hit.guid()))
                        .findFirst()
                        .orElseThrow(() -> new AssertionError("not restored into " + folder + ": " + hit.guid()));
            }
            String name = file.getFileName().toString();
            assertEquals(hit.flags(), name.substring(name.indexOf(":2,") + 3), "the flags it was last seen with");
            byte[] expected = history.gone.stream()
                    .filter(g -> g.folder().mailbox().equals(hit.mailbox())
                            && g.folder().folder().equals(hit.folder())
                            && g.placement().name().equals(name))
                    .reduce((a, b) -> b)
                    .orElseThrow(() -> new AssertionError("no departure of " + name))
                    .bytes();
            assertArrayEquals(expected, Files.readAllBytes(file), name);
        }
        assertTrue(n > 0);
    }

    private static List<MessageHit> find(BackupFixture f, Catalog catalog, MessageQuery query) throws IOException {
        try (CatalogReader reader = catalog.read()) {
            return finder(f, catalog).search(reader, query).hits();
        }
    }

    private static MessageFinder finder(BackupFixture f, Catalog catalog) throws IOException {
        BlobStore blobs = f.repository.openBlobStore(catalog.blobs());
        return new MessageFinder(
                SnapshotHistory.load(f.repository, catalog).all(), new RepositoryLedgers(f.repository, blobs::get));
    }

    private static Set<String> keys(List<MessageHit> hits) {
        Set<String> keys = new TreeSet<>();
        hits.forEach(h -> keys.add(h.mailbox() + '\0' + h.guid()));
        return keys;
    }

    /** What find prints of a hit, times to the second as the ledger keeps them. */
    private static List<String> answers(List<MessageHit> hits) {
        return hits.stream()
                .map(h -> String.join(
                        " | ",
                        h.mailbox(),
                        h.guid(),
                        String.valueOf(h.info().messageId()),
                        String.valueOf(h.info().from()),
                        String.valueOf(h.info().subject()),
                        h.folder(),
                        h.flags(),
                        String.valueOf(h.info().lastSeen().getEpochSecond()),
                        String.valueOf(h.info().goneBy().getEpochSecond()),
                        String.valueOf(h.firstSnapshot()),
                        String.valueOf(h.lastSnapshot()),
                        h.restoreFrom().id().hex()))
                .toList();
    }
}
