package org.mailsnap.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mailsnap.codec.UnsupportedVersionException;
import org.mailsnap.model.FolderKey;
import org.mailsnap.model.MessageContent;
import org.mailsnap.model.SnapshotId;

class CatalogTest {
    private static final String REPO = "repo-1";
    private static final String STORE = "mx1:/var/vmail";
    private static final FolderKey INBOX = new FolderKey("example.org/anne", "");

    @TempDir
    Path dir;

    private final Samples samples = new Samples(11);

    @Test
    void everyStoreRoundTripsThroughACommitAndAReopen() throws Exception {
        MessageContent content = samples.content();
        FolderState folderState = samples.folderState();
        PlacementRecord placement = new PlacementRecord("b1", "b1:2,S", true, 42, Samples.CONTENT);
        MessageInfo info = samples.messageInfo();
        SnapshotSummary snapshot = new SnapshotSummary(
                SnapshotId.parse("51".repeat(32)), Instant.parse("2024-05-01T10:00:00Z"), "mx1", STORE, 9);
        try (Catalog catalog = Catalog.open(dir, REPO)) {
            try (CatalogWriter w = catalog.beginWrite()) {
                w.putContent("example.org/anne", "b1", new KnownMessage(content, 7));
                w.putFolder(STORE, INBOX, folderState);
                w.putPlacement(STORE, INBOX, placement);
                w.putMessage("example.org/anne", "b1", info);
                w.putSnapshot(snapshot);
                assertEquals(
                        Optional.of(new KnownMessage(content, 7)),
                        w.content("example.org/anne", "b1"),
                        "a writer reads its writes");
                w.commit();
            }
        }
        try (Catalog catalog = Catalog.open(dir, REPO);
                CatalogReader r = catalog.read()) {
            assertEquals(Optional.of(new KnownMessage(content, 7)), r.content("example.org/anne", "b1"));
            assertEquals(Optional.empty(), r.content("example.org/bob", "b1"), "content is per mailbox");
            assertEquals(Optional.of(folderState), r.folder(STORE, INBOX));
            assertEquals(List.of(INBOX), r.folders(STORE));
            assertEquals(List.of(placement), placements(r, STORE, INBOX));
            assertEquals(Optional.of(info), r.message("example.org/anne", "b1"));
            assertEquals(Optional.of(snapshot), r.snapshot(SnapshotId.parse("51".repeat(32))));
            assertEquals(List.of(snapshot), r.snapshots());
        }
    }

    @Test
    void abortAndUncommittedCloseLeaveNothing() throws Exception {
        try (Catalog catalog = Catalog.open(dir, REPO)) {
            try (CatalogWriter w = catalog.beginWrite()) {
                w.putContent("m", "b", new KnownMessage(samples.content(), 7));
                w.putPlacement(STORE, INBOX, new PlacementRecord("b", "b", false, 1, Samples.CONTENT));
                w.abort();
            }
            try (CatalogWriter w = catalog.beginWrite()) {
                w.putSnapshot(new SnapshotSummary(SnapshotId.parse("5a".repeat(32)), Instant.EPOCH, "h", STORE, 0));
                // closed without commit, as when the run fails with an exception
            }
            try (CatalogReader r = catalog.read()) {
                assertEquals(Optional.empty(), r.content("m", "b"));
                assertEquals(List.of(), r.folders(STORE));
                assertEquals(List.of(), placements(r, STORE, INBOX));
                assertEquals(List.of(), r.snapshots());
            }
        }
    }

    @Test
    void readersSeeTheLastCommitNotTheOpenWriter() throws Exception {
        try (Catalog catalog = Catalog.open(dir, REPO);
                CatalogWriter w = catalog.beginWrite()) {
            w.putContent("m", "b", new KnownMessage(samples.content(), 7));
            try (CatalogReader before = catalog.read()) {
                assertEquals(Optional.empty(), before.content("m", "b"));
                w.commit();
                assertEquals(Optional.empty(), before.content("m", "b"), "a reader keeps its snapshot");
            }
            try (CatalogReader after = catalog.read()) {
                assertTrue(after.content("m", "b").isPresent());
            }
        }
    }

    @Test
    void deletesRemoveWhatWasPut() throws Exception {
        try (Catalog catalog = Catalog.open(dir, REPO)) {
            try (CatalogWriter w = catalog.beginWrite()) {
                w.putContent("m", "b", new KnownMessage(samples.content(), 7));
                w.putMessage("m", "b", samples.messageInfo());
                w.putSnapshot(new SnapshotSummary(SnapshotId.parse("5a".repeat(32)), Instant.EPOCH, "h", STORE, 0));
                w.putFolder(STORE, INBOX, samples.folderState());
                w.putPlacement(STORE, INBOX, new PlacementRecord("b", "b", false, 1, Samples.CONTENT));
                w.commit();
            }
            try (CatalogWriter w = catalog.beginWrite()) {
                assertTrue(w.deleteContent("m", "b"));
                assertTrue(w.deleteMessage("m", "b"));
                assertTrue(w.deleteSnapshot(SnapshotId.parse("5a".repeat(32))));
                assertTrue(w.deletePlacement(STORE, INBOX, "b"));
                assertFalse(w.deletePlacement(STORE, INBOX, "b"));
                assertTrue(w.deleteFolder(STORE, INBOX));
                assertFalse(w.deleteFolder(STORE, INBOX));
                w.commit();
            }
            try (CatalogReader r = catalog.read()) {
                assertEquals(Optional.empty(), r.content("m", "b"));
                assertEquals(Optional.empty(), r.message("m", "b"));
                assertEquals(List.of(), r.find(MessageQuery.all()));
                assertEquals(List.of(), r.snapshots());
                assertEquals(List.of(), r.folders(STORE));
                assertEquals(Optional.empty(), r.folder(STORE, INBOX));
            }
        }
    }

    @Test
    void aPruneSeenDistrustsUnfinishedRunsAndForgetsStateSnapshotsUntilARunFinishes() throws Exception {
        String other = "h2:/srv/other";
        SnapshotId saved = SnapshotId.parse("5b".repeat(32));
        try (Catalog catalog = Catalog.open(dir, REPO)) {
            assertEquals(0, catalog.pruneSeen(), "nothing to distrust: nothing written");
            try (CatalogWriter w = catalog.beginWrite()) {
                w.markRunUnfinished(STORE);
                w.markRunUnfinished(other);
                w.putStateSnapshot(other, saved);
                w.commit();
            }
            try (CatalogWriter w = catalog.beginWrite()) {
                assertTrue(w.clearUnfinishedRun(other), "the other store's run saved its snapshot");
                w.commit();
            }
            try (CatalogReader r = catalog.read()) {
                assertEquals(Optional.of(saved), r.stateSnapshot(other));
                assertEquals(Optional.of(UnfinishedRun.CHECKPOINTED), r.unfinishedRun(STORE));
            }
            assertEquals(2, catalog.pruneSeen(), "one mark distrusted, one state snapshot forgotten");
            assertEquals(0, catalog.pruneSeen(), "nothing left to change");
            try (CatalogWriter w = catalog.beginWrite()) {
                w.markRunUnfinished(STORE); // the next run stops at a checkpoint too
                w.commit();
            }
        }
        try (Catalog catalog = Catalog.open(dir, REPO);
                CatalogReader r = catalog.read()) {
            assertEquals(Optional.of(UnfinishedRun.PRUNED_SINCE), r.unfinishedRun(STORE), "a checkpoint keeps it");
            assertEquals(Optional.empty(), r.unfinishedRun(other));
            assertEquals(Optional.empty(), r.stateSnapshot(other));
        }
    }

    @Test
    void anotherRepositorysCatalogIsRefused() throws Exception {
        Catalog.open(dir, REPO).close();
        CatalogMismatchException e = assertThrows(CatalogMismatchException.class, () -> Catalog.open(dir, "repo-2"));
        assertTrue(
                e.getMessage().contains(dir.toString())
                        && e.getMessage().contains("belongs to repository " + REPO + ", not to repository repo-2"),
                e.getMessage());
        Catalog.open(dir, REPO).close(); // the refusal changed nothing
    }

    @Test
    void anotherFormatVersionIsRefusedWithFoundAndSupported() throws Exception {
        rawState(Catalog.FORMAT_VERSION + 1).close();
        UnsupportedVersionException e = assertThrows(UnsupportedVersionException.class, () -> Catalog.open(dir, REPO));
        assertEquals(Catalog.FORMAT_VERSION + 1, e.found());
        assertEquals(Catalog.FORMAT_VERSION, e.max());
        assertTrue(e.getMessage().contains("catalog rebuild"), e.getMessage());
    }

    @Test
    void aVersion2CatalogIsRefusedAsOlderAndReplacedByDeleteAndOpen() throws Exception {
        // version 2 message records lack when a message was found gone: no migration can know it, a rebuild does
        rawState(2).close();
        UnsupportedVersionException e = assertThrows(UnsupportedVersionException.class, () -> Catalog.open(dir, REPO));
        assertEquals(2, e.found());
        assertTrue(
                e.getMessage().contains("written by an older mailsnap")
                        && e.getMessage().contains("run 'catalog rebuild'"),
                e.getMessage());
        Catalog.delete(dir); // what 'catalog rebuild' does first
        Catalog.open(dir, REPO).close();
    }

    @Test
    void aRecreatedCatalogIsRefusedAsUnfinishedUntilTheRebuildFinishes() throws Exception {
        try (Catalog old = Catalog.open(dir, REPO);
                CatalogWriter run = old.beginWrite()) {
            run.putSnapshot(new SnapshotSummary(
                    SnapshotId.parse("51".repeat(32)), java.time.Instant.EPOCH, "host", "host:/store", 1));
            run.commit();
        }
        Catalog.recreate(dir, REPO).close();
        UnfinishedCatalogException e = assertThrows(UnfinishedCatalogException.class, () -> Catalog.open(dir, REPO));
        assertTrue(
                e.getMessage().contains(dir.toString()) && e.getMessage().contains("catalog rebuild"), e.getMessage());
        assertEquals(Optional.of("an unfinished rebuild"), Catalog.outdated(e));
        try (Catalog fresh = Catalog.recreate(dir, REPO)) {
            try (CatalogReader r = fresh.read()) {
                assertEquals(java.util.List.of(), r.snapshots(), "recreate starts empty");
            }
            fresh.finishRebuild();
        }
        Catalog.open(dir, REPO).close();
    }

    @Test
    void onlyAnOlderFormatIsOutdatedANewerOneIsNot() throws Exception {
        rawState(2).close();
        UnsupportedVersionException older =
                assertThrows(UnsupportedVersionException.class, () -> Catalog.open(dir, REPO));
        assertEquals(
                Optional.of("format 2, older than this mailsnap's " + Catalog.FORMAT_VERSION), Catalog.outdated(older));
        Catalog.delete(dir);
        rawState(Catalog.FORMAT_VERSION + 1).close();
        UnsupportedVersionException newer =
                assertThrows(UnsupportedVersionException.class, () -> Catalog.open(dir, REPO));
        assertEquals(Optional.empty(), Catalog.outdated(newer));
        assertEquals(Optional.empty(), Catalog.outdated(new CatalogCorruptException("bad")));
    }

    @Test
    void garbageInTheDatabaseIsReportedAsCorruptWithItsKey() throws Exception {
        Catalog.open(dir, REPO).close();
        try (LmdbEnvironment raw = rawState(Catalog.FORMAT_VERSION);
                TxnAccess txn = raw.write()) {
            txn.put(raw.dbi("content"), LmdbKeys.content("m", "b"), new byte[] {1, 2, 3});
            txn.put(raw.dbi("snapshots"), LmdbKeys.snapshot(SnapshotId.parse("5a".repeat(32))), new byte[] {(byte) 0xFF
            });
            txn.commit();
        }
        try (Catalog catalog = Catalog.open(dir, REPO);
                CatalogReader r = catalog.read()) {
            CatalogCorruptException e = assertThrows(CatalogCorruptException.class, () -> r.content("m", "b"));
            assertTrue(e.getMessage().contains("message content (key 6d0062)"), e.getMessage());
            assertThrows(CatalogCorruptException.class, r::snapshots);
        }
    }

    @Test
    void aSnapshotKeyThatIsNoSnapshotIdIsReportedAsCorrupt() throws Exception {
        Catalog.open(dir, REPO).close();
        SnapshotSummary summary = new SnapshotSummary(SnapshotId.parse("5a".repeat(32)), Instant.EPOCH, "h", STORE, 0);
        try (LmdbEnvironment raw = rawState(Catalog.FORMAT_VERSION);
                TxnAccess txn = raw.write()) {
            txn.put(raw.dbi("snapshots"), "s1".getBytes(StandardCharsets.UTF_8), SnapshotSummaryCodec.encode(summary));
            txn.commit();
        }
        try (Catalog catalog = Catalog.open(dir, REPO);
                CatalogReader r = catalog.read()) {
            CatalogCorruptException e = assertThrows(CatalogCorruptException.class, r::snapshots);
            assertTrue(e.getMessage().contains("not a snapshot id"), e.getMessage());
        }
    }

    @Test
    void deleteKeepsTheRunLockFileWhichItsCallerMayHold() throws Exception {
        Path catalogDir = dir.resolve("locked");
        Catalog.open(catalogDir, REPO).close();
        Files.writeString(catalogDir.resolve(Catalog.RUN_LOCK_FILE), "backup, pid 1\n");
        Catalog.delete(catalogDir);
        try (var left = Files.list(catalogDir)) {
            assertEquals(java.util.List.of(catalogDir.resolve(Catalog.RUN_LOCK_FILE)), left.toList());
        }
        Catalog.open(catalogDir, REPO).close(); // a fresh catalog beside it
    }

    @Test
    void deleteRemovesACatalogButRefusesForeignFiles() throws Exception {
        Path catalogDir = dir.resolve("catalog");
        try (Catalog catalog = Catalog.open(catalogDir, REPO);
                CatalogWriter w = catalog.beginWrite()) {
            w.putContent("m", "b", new KnownMessage(samples.content(), 7));
            w.commit();
        }
        Catalog.delete(catalogDir);
        assertFalse(Files.exists(catalogDir));
        Catalog.delete(catalogDir); // absent: nothing to do

        Files.createDirectories(dir.resolve("home"));
        Files.writeString(dir.resolve("home/letter.txt"), "keep me");
        CatalogException e = assertThrows(CatalogException.class, () -> Catalog.delete(dir.resolve("home")));
        assertTrue(e.getMessage().contains("letter.txt"), e.getMessage());
        assertTrue(Files.exists(dir.resolve("home/letter.txt")));
    }

    @Test
    void aWriterRefusesOtherThreadsAndASecondWriterOnItsThread() throws Exception {
        ExecutorService other = Executors.newSingleThreadExecutor();
        try (Catalog catalog = Catalog.open(dir, REPO);
                CatalogWriter w = catalog.beginWrite()) {
            Future<?> misuse = other.submit(() -> {
                w.putContent("m", "b", new KnownMessage(samples.content(), 7));
                return null;
            });
            Exception e = assertThrows(Exception.class, misuse::get);
            assertTrue(e.getCause() instanceof IllegalStateException, String.valueOf(e.getCause()));
            assertThrows(IllegalStateException.class, catalog::beginWrite);
            w.commit();
            assertThrows(
                    IllegalStateException.class, () -> w.putContent("m", "b", new KnownMessage(samples.content(), 7)));
            try (CatalogWriter next = catalog.beginWrite()) {
                next.abort();
            }
        } finally {
            other.shutdownNow();
        }
    }

    @Test
    void aReaderMayMoveBetweenThreads() throws Exception {
        ExecutorService other = Executors.newSingleThreadExecutor();
        try (Catalog catalog = Catalog.open(dir, REPO)) {
            try (CatalogWriter w = catalog.beginWrite()) {
                w.putContent("m", "b", new KnownMessage(samples.content(), 7));
                w.commit();
            }
            CatalogReader reader = catalog.read();
            assertTrue(reader.content("m", "b").isPresent());
            assertTrue(other.submit(() -> reader.content("m", "b").isPresent()).get());
            other.submit(reader::close).get();
        } finally {
            other.shutdownNow();
        }
    }

    @Test
    void aCatalogOpensOncePerProcessAndIsNotDeletedWhileOpen() throws Exception {
        try (Catalog catalog = Catalog.open(dir, REPO)) {
            CatalogException twice = assertThrows(CatalogException.class, () -> Catalog.open(dir, REPO));
            assertTrue(twice.getMessage().contains("already open"), twice.getMessage());
            assertThrows(CatalogException.class, () -> Catalog.delete(dir));
        }
        Catalog.open(dir, REPO).close();
        Catalog.delete(dir);
        assertFalse(Files.exists(dir));
    }

    @Test
    void closingWhileAReaderIsOpenFailsAndKeepsTheCatalogUsable() throws Exception {
        Catalog catalog = Catalog.open(dir, REPO);
        CatalogReader reader = catalog.read();
        assertThrows(IllegalStateException.class, catalog::close);
        assertEquals(List.of(), reader.snapshots());
        reader.close();
        catalog.close();
        catalog.close();
        assertThrows(IllegalStateException.class, catalog::read);
    }

    @Test
    void aFullMapIsAClearErrorLosesOnlyThatTransactionAndReopeningMakesRoom() throws Exception {
        Path small = dir.resolve("small");
        try (Catalog catalog = Catalog.open(small, REPO, 1 << 20)) {
            try (CatalogWriter w = catalog.beginWrite()) {
                w.putSnapshot(new SnapshotSummary(SnapshotId.parse("ce".repeat(32)), Instant.EPOCH, "h", STORE, 0));
                w.commit();
            }
            CatalogFullException full;
            try (CatalogWriter w = catalog.beginWrite()) {
                full = assertThrows(CatalogFullException.class, () -> {
                    for (int i = 0; i < 100_000; i++) {
                        w.putContent("m", "b" + i, new KnownMessage(samples.content(), 7));
                    }
                });
                CatalogException after = assertThrows(CatalogException.class, w::commit);
                assertTrue(after.getMessage().contains("can only be aborted"), after.getMessage());
            }
            assertTrue(full.getMessage().contains(small.toString()), full.getMessage());
            try (CatalogReader r = catalog.read()) {
                assertEquals(1, r.snapshots().size());
                assertEquals(Optional.empty(), r.content("m", "b0"));
            }
        }
        try (Catalog bigger = Catalog.open(small, REPO, 64L << 20);
                CatalogWriter w = bigger.beginWrite()) {
            for (int i = 0; i < 20_000; i++) {
                w.putContent("m", "b" + i, new KnownMessage(samples.content(), 7));
            }
            w.commit();
        }
    }

    /** The state environment of a catalog in {@code dir}, opened as {@code version} (a stand-in for another mailsnap). */
    private LmdbEnvironment rawState(int version) throws IOException {
        return LmdbEnvironment.open(
                dir.resolve(Catalog.STATE_DIR), 1 << 20, version, REPO, StateDatabases.NAMES, new PrivateFiles());
    }

    static List<PlacementRecord> placements(CatalogView view, String store, FolderKey folder) throws Exception {
        List<PlacementRecord> out = new java.util.ArrayList<>();
        try (CatalogCursor<PlacementRecord> cursor = view.placements(store, folder)) {
            while (cursor.hasNext()) {
                out.add(cursor.next());
            }
        }
        return out;
    }
}
