package org.mailsnap.recovery;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mailsnap.backup.BackupFixture;
import org.mailsnap.backup.BackupResult;
import org.mailsnap.catalog.CatalogException;
import org.mailsnap.catalog.CatalogReader;
import org.mailsnap.catalog.FolderState;
import org.mailsnap.catalog.MessageQuery;
import org.mailsnap.history.SnapshotHistory;
import org.mailsnap.mailgen.ChurnReport;
import org.mailsnap.mailgen.ChurnSimulator;
import org.mailsnap.mailgen.ChurnSpec;
import org.mailsnap.mailgen.StoreGenerator;
import org.mailsnap.mailgen.StoreSpec;
import org.mailsnap.mailgen.StoreTree;
import org.mailsnap.model.FolderKey;
import org.mailsnap.model.SnapshotId;
import org.mailsnap.restore.RestoreMode;
import org.mailsnap.snapshot.Snapshot;

/**
 * Back up, churn, back up, churn, back up; lose the catalog; rebuild it from the repository alone. Then restores
 * reproduce every moment, the search index knows where every message was, and the next backup reads only the mail
 * delivered since.
 */
class CatalogRebuildTest {
    private static final StoreTree.Options OPTIONS = StoreTree.Options.exact().ignoringDirectoryMtimes();

    @TempDir
    Path tmp;

    @Test
    void aRebuiltCatalogRestoresFindsAndKeepsTheNextBackupIncremental() throws Exception {
        long seed = Long.getLong("mailsnap.test.seed", System.nanoTime()); // -Dmailsnap.test.seed=N replays a run
        System.out.println("CatalogRebuildTest seed " + seed);
        Path store = tmp.resolve("store");
        new StoreGenerator(
                        StoreSpec.tiny().toBuilder()
                                .mailboxes(3)
                                .messagesPerMailbox(60)
                                .seed(seed)
                                .build(),
                        2)
                .generate(store);
        String storeKey =
                Snapshot.storeKey("testhost", store.toAbsolutePath().normalize().toString());
        StoreMoments moments = new StoreMoments();
        List<SnapshotId> snapshots = new ArrayList<>();
        try (BackupFixture f = new BackupFixture(tmp.resolve("backup"))) {
            for (int hour = 0; hour < 3; hour++) {
                if (hour > 0) {
                    System.out.println(
                            "hour " + hour + ": " + new ChurnSimulator(busyHour(seed + hour)).simulateHour(store));
                }
                moments.capture(store, OPTIONS);
                BackupResult result = f.backup(store);
                assertFalse(result.partial(), result.problems().toString());
                snapshots.add(result.snapshotId());
            }
            CatalogState live = CatalogState.capture(f.catalog, storeKey);
            List<SearchAnswer> liveAnswers = searchAnswers(f);

            f.loseCatalog();
            RebuildProgress progress = new RebuildProgress();
            RebuildResult result = new CatalogRebuild(f.repository, f.catalog, 100).run(progress);
            System.out.println("rebuild: " + result);

            assertEquals(1, result.stores());
            assertEquals(3, result.snapshots());
            assertEquals(moments.present.get(2).size(), result.placements() - copies(moments), "latest placements");
            assertEquals(moments.all().size(), result.messages(), "one index entry per message ever held");
            assertEquals(moments.all().size(), progress.headersRead.get(), "each message's header read once");
            assertTrue(progress.commits.get() > 1, "committed in batches: " + progress.commits.get());
            assertLastRunStateMatches(live, CatalogState.capture(f.catalog, storeKey));
            assertSameAnswers(liveAnswers, searchAnswers(f), live);

            // (a) every snapshot restores its moment
            for (int i = 0; i < snapshots.size(); i++) {
                Path target = tmp.resolve("restore-" + i);
                f.restore(snapshots.get(i), null, target, RestoreMode.EMPTY_TARGET);
                assertEquals(
                        List.of(),
                        moments.trees.get(i).diff(StoreTree.capture(target, OPTIONS)),
                        "snapshot " + i + " restores its moment after the rebuild");
            }

            // (c) the search index knows first and last snapshot of every message, and expunged ones are found
            assertSearchIndexMatches(f, moments, snapshots);
            List<StoreMoments.Key> expunged = moments.expungedBetween(0, 2);
            assertFalse(expunged.isEmpty(), "the churn expunged something");
            StoreMoments.Key gone = expunged.get(0);
            List<MessageHit> hits = find(
                    f,
                    MessageQuery.all()
                            .withMessageId("<" + moments.messageIds.get(gone) + ">")
                            .withMailbox(gone.mailbox()));
            MessageHit hit = hits.stream()
                    .filter(h -> h.guid().equals(gone.base()))
                    .findFirst()
                    .orElseThrow();
            assertFalse(hit.present());
            assertEquals(snapshots.get(moments.last(gone)), hit.lastSnapshot().id(), "last seen before expunge");
            assertEquals(snapshots.get(0), hit.firstSnapshot().id());

            // (b) the next backup after one more hour opens only the newly delivered messages
            ChurnReport hour3 = new ChurnSimulator(busyHour(seed + 3)).simulateHour(store);
            System.out.println("hour 3: " + hour3);
            assertTrue(hour3.deliveries() > 0, hour3.toString());
            moments.capture(store, OPTIONS);
            int opensBefore = f.files.opens();
            BackupResult next = f.backup(store);
            assertFalse(next.partial(), next.problems().toString());
            assertEquals(hour3.deliveries(), f.files.opens() - opensBefore, "only new deliveries are opened");
            assertEquals(hour3.deliveries(), next.progress().messagesRead.get());
            Path target = tmp.resolve("restore-3");
            f.restore(next.snapshotId(), null, target, RestoreMode.EMPTY_TARGET);
            assertEquals(List.of(), moments.trees.get(3).diff(StoreTree.capture(target, OPTIONS)));
        }
    }

    @Test
    void refusesACatalogThatAlreadyKnowsSnapshots() throws Exception {
        long seed = System.nanoTime();
        System.out.println("CatalogRebuildTest refuse seed " + seed);
        Path store = tmp.resolve("store");
        new StoreGenerator(
                        StoreSpec.tiny().toBuilder()
                                .mailboxes(1)
                                .messagesPerMailbox(10)
                                .seed(seed)
                                .build(),
                        1)
                .generate(store);
        try (BackupFixture f = new BackupFixture(tmp.resolve("backup"))) {
            f.backup(store);
            String storeKey = Snapshot.storeKey(
                    "testhost", store.toAbsolutePath().normalize().toString());
            CatalogState before = CatalogState.capture(f.catalog, storeKey);
            CatalogException e = assertThrows(
                    CatalogException.class,
                    () -> new CatalogRebuild(f.repository, f.catalog).run(new RebuildProgress()));
            assertTrue(e.getMessage().contains("delete it first"), e.getMessage());
            assertEquals(before, CatalogState.capture(f.catalog, storeKey), "nothing changed");
        }
    }

    @Test
    void everyStoreOfTheRepositoryGetsItsOwnLastRunState() throws Exception {
        long seed = System.nanoTime();
        System.out.println("CatalogRebuildTest two stores seed " + seed);
        StoreSpec small =
                StoreSpec.tiny().toBuilder().mailboxes(2).messagesPerMailbox(15).build();
        Path one = tmp.resolve("one");
        Path two = tmp.resolve("two");
        new StoreGenerator(small.withSeed(seed), 1).generate(one);
        new StoreGenerator(small.withSeed(seed + 1), 1).generate(two);
        try (BackupFixture f = new BackupFixture(tmp.resolve("backup"))) {
            f.backup(one);
            f.backup(two);
            new ChurnSimulator(busyHour(seed)).simulateHour(one);
            f.backup(one);
            List<String> keys = List.of(
                    Snapshot.storeKey(
                            "testhost", one.toAbsolutePath().normalize().toString()),
                    Snapshot.storeKey(
                            "testhost", two.toAbsolutePath().normalize().toString()));
            List<CatalogState> live = new ArrayList<>();
            for (String key : keys) {
                live.add(CatalogState.capture(f.catalog, key));
            }
            f.loseCatalog();
            RebuildResult r = new CatalogRebuild(f.repository, f.catalog).run(new RebuildProgress());
            assertEquals(2, r.stores());
            assertEquals(3, r.snapshots());
            for (int i = 0; i < keys.size(); i++) {
                assertFalse(live.get(i).folders().isEmpty());
                assertLastRunStateMatches(live.get(i), CatalogState.capture(f.catalog, keys.get(i)));
            }
        }
    }

    @Test
    void anEmptyRepositoryRebuildsToAnEmptyCatalog() throws Exception {
        try (BackupFixture f = new BackupFixture(tmp.resolve("backup"))) {
            RebuildResult r = new CatalogRebuild(f.repository, f.catalog).run(new RebuildProgress());
            assertEquals(0, r.snapshots());
            assertEquals(0, r.placements());
        }
    }

    /** A busier hour than the defaults on a tiny store, so that every kind of change happens each time. */
    private static ChurnSpec busyHour(long seed) {
        return ChurnSpec.defaults().toBuilder()
                .seed(seed)
                .moveShare(0.02)
                .copyShare(0.02)
                .expungeShare(0.03)
                .deliveryShare(0.03)
                .build();
    }

    /** Folder entries, placements and contents equal the live catalog's; listing times are never later. */
    private static void assertLastRunStateMatches(CatalogState live, CatalogState rebuilt) {
        assertEquals(live.folders().keySet(), rebuilt.folders().keySet());
        for (Map.Entry<FolderKey, FolderState> e : live.folders().entrySet()) {
            FolderState r = rebuilt.folders().get(e.getKey());
            assertEquals(e.getValue().entry(), r.entry(), "tree entry of " + e.getKey());
            assertTrue(
                    r.listedAtNanos() <= e.getValue().listedAtNanos(),
                    e.getKey() + ": rebuilt listing time " + r.listedAtNanos() + " is after the real one "
                            + e.getValue().listedAtNanos());
        }
        assertEquals(live.placements(), rebuilt.placements());
        assertEquals(live.contents(), rebuilt.contents());
    }

    private static void assertSearchIndexMatches(BackupFixture f, StoreMoments moments, List<SnapshotId> snapshots)
            throws Exception {
        List<MessageHit> hits = find(f, MessageQuery.all().withLimit(1_000_000));
        Map<StoreMoments.Key, Integer> all = moments.all();
        assertEquals(all.size(), hits.size());
        int gone = 0;
        for (MessageHit hit : hits) {
            StoreMoments.Key key = new StoreMoments.Key(hit.mailbox(), hit.guid());
            assertTrue(all.containsKey(key), "indexed but never in the store: " + key);
            int last = moments.last(key);
            assertEquals(snapshots.get(moments.first(key)), hit.firstSnapshot().id(), "first of " + key);
            assertEquals(snapshots.get(last), hit.lastSnapshot().id(), "last of " + key);
            assertEquals(last == snapshots.size() - 1, hit.present(), "present " + key);
            String expectedId = moments.messageIds.get(key);
            assertEquals(expectedId.isEmpty() ? null : expectedId, hit.info().messageId(), "Message-ID of " + key);
            gone += hit.present() ? 0 : 1;
        }
        assertTrue(gone > 0, "some messages went away");
    }

    /**
     * What a search shows of a message: every field a query matches on, where it was last seen, when it was found
     * gone, and the snapshots that hold it. Not the raw index entry: a backup cannot know its own snapshot's id while it indexes (see
     * {@link MessageFinder}), a rebuild can.
     */
    record SearchAnswer(
            String mailbox,
            String guid,
            String messageId,
            String from,
            String to,
            String subject,
            java.time.Instant date,
            String folder,
            String flags,
            boolean present,
            java.time.Instant goneBy,
            SnapshotId firstSnapshot,
            SnapshotId lastSnapshot) {
        static SearchAnswer of(MessageHit h) {
            return new SearchAnswer(
                    h.mailbox(),
                    h.guid(),
                    h.info().messageId(),
                    h.info().from(),
                    h.info().to(),
                    h.info().subject(),
                    h.info().date(),
                    h.folder(),
                    h.flags(),
                    h.present(),
                    h.info().goneBy(),
                    h.firstSnapshot() == null ? null : h.firstSnapshot().id(),
                    h.lastSnapshot() == null ? null : h.lastSnapshot().id());
        }

        /** The same answer with no folder and flags: a copy is in two folders at once. */
        SearchAnswer anyFolder() {
            return new SearchAnswer(
                    mailbox,
                    guid,
                    messageId,
                    from,
                    to,
                    subject,
                    date,
                    null,
                    null,
                    present,
                    goneBy,
                    firstSnapshot,
                    lastSnapshot);
        }
    }

    /**
     * Names each message whose answer differs, so that a failure says what, not only that. A message held in several
     * folders at once (a copy) is last seen in each of them: there either may be named, with its flags there.
     */
    private static void assertSameAnswers(List<SearchAnswer> byBackups, List<SearchAnswer> rebuilt, CatalogState live) {
        Map<String, java.util.Set<String>> folders = new java.util.TreeMap<>();
        live.placements()
                .forEach((key, list) -> list.forEach(p -> folders.computeIfAbsent(
                                key.mailbox() + " " + (p.guid().isEmpty() ? p.base() : p.guid()),
                                k -> new java.util.TreeSet<>())
                        .add(key.folder())));
        List<String> differences = new ArrayList<>();
        Map<String, SearchAnswer> rebuiltByKey = new java.util.TreeMap<>();
        rebuilt.forEach(a -> rebuiltByKey.put(a.mailbox() + " " + a.guid(), a));
        int copies = 0;
        for (SearchAnswer a : byBackups) {
            String key = a.mailbox() + " " + a.guid();
            SearchAnswer r = rebuiltByKey.remove(key);
            java.util.Set<String> holding = folders.getOrDefault(key, java.util.Set.of());
            boolean same = (holding.size() > 1 && r != null)
                    ? a.anyFolder().equals(r.anyFolder())
                            && holding.contains(a.folder())
                            && holding.contains(r.folder())
                    : a.equals(r);
            copies += holding.size() > 1 ? 1 : 0;
            if (!same) {
                differences.add("backups: " + a + "\n  rebuilt: " + r + "\n  held in " + holding);
            }
        }
        rebuiltByKey.values().forEach(r -> differences.add("only rebuilt: " + r));
        assertEquals(List.of(), differences, "the rebuilt search index answers as the one backups built");
        assertTrue(copies > 0, "the churn copied something");
    }

    private static List<SearchAnswer> searchAnswers(BackupFixture f) throws Exception {
        return find(f, MessageQuery.all().withLimit(1_000_000)).stream()
                .map(SearchAnswer::of)
                .toList();
    }

    /** Messages held in two folders of a mailbox at the last moment (copies): extra placements, one message. */
    private static long copies(StoreMoments moments) {
        StoreTree last = moments.trees.get(2);
        return (long) last.entries(StoreTree.Kind.MESSAGE).size()
                - moments.present.get(2).size();
    }

    private static List<MessageHit> find(BackupFixture f, MessageQuery query) throws Exception {
        MessageFinder finder =
                new MessageFinder(SnapshotHistory.load(f.repository, f.catalog).all(), LedgerKeepers.NONE);
        try (CatalogReader reader = f.catalog.read()) {
            return finder.search(reader, query).hits();
        }
    }
}
