package org.mailsnap.check;

import static org.junit.jupiter.api.Assertions.*;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mailsnap.backup.BackupFixture;
import org.mailsnap.backup.BackupResult;
import org.mailsnap.catalog.CatalogReader;
import org.mailsnap.history.SnapshotHistory;
import org.mailsnap.mailgen.ManualClock;
import org.mailsnap.mailgen.StoreGenerator;
import org.mailsnap.mailgen.StoreSpec;
import org.mailsnap.mailgen.StoreTree;
import org.mailsnap.model.BlobType;
import org.mailsnap.model.ObjectId;
import org.mailsnap.model.PackId;
import org.mailsnap.model.SnapshotId;
import org.mailsnap.recovery.CatalogRebuild;
import org.mailsnap.recovery.RebuildProgress;
import org.mailsnap.recovery.RebuildResult;
import org.mailsnap.repository.IndexedPack;
import org.mailsnap.repository.ObjectKind;
import org.mailsnap.restore.RestoreMode;

/**
 * Real repositories broken on purpose (packs deleted, truncated and bit-flipped, index files and snapshots
 * bit-flipped): check names the damage by message, the catalog stops deduplicating against it, the next backup
 * stores the messages again, repair re-indexes, and check is clean afterwards.
 */
class CheckTest {
    private static final StoreTree.Options OPTIONS = StoreTree.Options.exact().ignoringDirectoryMtimes();

    @TempDir
    Path tmp;

    Path store;
    long seed;

    @BeforeEach
    void generate() throws IOException {
        seed = System.nanoTime();
        System.out.println("CheckTest seed " + seed);
        store = tmp.resolve("store");
        new StoreGenerator(
                        StoreSpec.tiny().toBuilder()
                                .mailboxes(2)
                                .messagesPerMailbox(30)
                                .seed(seed)
                                .build(),
                        1)
                .generate(store);
    }

    private BackupFixture fixture() throws IOException {
        return BackupFixture.withFaults(
                tmp.resolve("backup"),
                seed,
                BackupFixture.cheapKdf().packTargetSize(16 * 1024).build());
    }

    private static CheckResult check(BackupFixture f, DataSelection data) throws IOException {
        try (CatalogReader reader = f.catalog.read()) {
            CheckResult result = new Checker(f.repository, data, MessageLookup.of(reader)).run();
            result.damage().forEach(d -> System.out.println("  damage: " + d));
            result.messages().forEach(m -> System.out.println("  message: " + m.describe() + " " + m.problems()));
            return result;
        }
    }

    private Path file(BackupFixture f, String objectName) {
        return f.dir.resolve("repo").resolve(objectName);
    }

    private List<PackId> packsOf(BackupFixture f, BlobType type) throws IOException {
        List<PackId> result = new ArrayList<>();
        for (PackId id : f.repository.maintenance().listPacks().packs().keySet()) {
            IndexedPack header = f.repository.maintenance().readPackHeader(id);
            if (header.blobs().get(0).location().type() == type) {
                result.add(id);
            }
        }
        result.sort(null);
        return result;
    }

    /** Where the header blob of a message of the snapshot is: its pack and the offset of its ciphertext. */
    private org.mailsnap.repository.IndexedBlob aMessageHeader(BackupFixture f, SnapshotId snapshotId)
            throws IOException {
        var firstFolder = f.placements(snapshotId).values().stream()
                .filter(l -> !l.isEmpty())
                .findFirst()
                .orElseThrow();
        var header = firstFolder.get(0).content().header();
        for (PackId id : f.repository.maintenance().listPacks().packs().keySet()) {
            for (var blob : f.repository.maintenance().readPackHeader(id).blobs()) {
                if (blob.id().equals(header)) {
                    return blob;
                }
            }
        }
        throw new AssertionError("no pack holds " + header);
    }

    private static String packName(PackId id) {
        return "data/" + id.hex().substring(0, 2) + "/" + id.hex();
    }

    private void flip(Path file, long offset) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        bytes[(int) offset] ^= 0x10;
        Files.write(file, bytes);
    }

    @Test
    void aCleanRepositoryIsCleanAndReadDataVerifiesEveryBlob() throws Exception {
        try (BackupFixture f = fixture()) {
            f.backup(store);
            CheckResult result = check(f, DataSelection.ALL);
            assertTrue(result.clean(), result.damage().toString());
            assertEquals(List.of(), result.messages());
            assertEquals(result.stats().packs(), result.stats().packsRead());
            assertEquals(result.stats().blobs(), result.stats().blobsRead());
            assertTrue(
                    result.stats().packs() > 3, "small packs: " + result.stats().packs());
            int buckets = 0;
            for (int n = 1; n <= 4; n++) {
                buckets += check(f, DataSelection.parse(n + "/4", new Random(seed)))
                        .stats()
                        .packsRead();
            }
            assertEquals(result.stats().packs(), buckets, "the four quarters read every pack once");
        }
    }

    @Test
    void leftoversOfKilledRunsAreReportedButAreNotDamage() throws Exception {
        try (BackupFixture f = new BackupFixture(tmp.resolve("plain"))) {
            f.backup(store);
            Path repo = f.dir.resolve("repo");
            Files.writeString(repo.resolve("snapshots").resolve(".tmp-12345"), "half a snapshot");
            // a run killed after publishing a pack and before its index file: a pack no index lists
            List<ObjectId> indexesBefore = f.repository.objects().list(ObjectKind.INDEX);
            var killed = f.repository.openBlobStore(new org.mailsnap.repository.MemoryBlobIndex());
            killed.put(BlobType.DATA, "a blob of a killed run".getBytes(StandardCharsets.UTF_8));
            killed.flush();
            for (ObjectId index : f.repository.objects().list(ObjectKind.INDEX)) {
                if (!indexesBefore.contains(index)) {
                    Files.delete(repo.resolve("index").resolve(index.hex()));
                }
            }
            // a prune killed before its final index file: a kept pack listed by an old and a new index file
            ObjectId old = indexesBefore.get(0);
            f.repository
                    .maintenance()
                    .writeIndex(
                            List.of(), f.repository.maintenance().readIndex(old).packs());
            CheckResult result = check(f, DataSelection.ALL);
            assertTrue(result.clean(), result.damage().toString());
            assertTrue(
                    result.leftovers().stream().anyMatch(l -> l.problem().startsWith("listed by two index")),
                    result.leftovers().toString());
            assertTrue(
                    result.leftovers().stream().anyMatch(l -> l.object().equals("snapshots/.tmp-12345")),
                    result.leftovers().toString());
            assertTrue(
                    result.leftovers().stream().anyMatch(l -> l.problem().startsWith("no index lists it")),
                    result.leftovers().toString());
        }
    }

    @Test
    void aStaleLockIsALeftoverNotDamage() throws Exception {
        ManualClock clock = new ManualClock(java.time.Instant.parse("2026-01-01T00:00:00Z"));
        try (BackupFixture f = BackupFixture.withFaults(
                tmp.resolve("locks"),
                seed,
                BackupFixture.cheapKdf()
                        .clock(clock)
                        .lockRefreshInterval(java.time.Duration.ZERO)
                        .build())) {
            f.repository.lockShared(); // a backup killed while holding it: never released
            assertTrue(check(f, DataSelection.NONE).leftovers().isEmpty(), "a fresh lock is someone's");
            clock.advance(java.time.Duration.ofHours(1));
            CheckResult result = check(f, DataSelection.NONE);
            assertTrue(result.clean());
            assertTrue(
                    result.leftovers().stream()
                            .anyMatch(l -> l.object().startsWith("lock ")
                                    && l.problem().startsWith("stale")),
                    result.leftovers().toString());
        }
    }

    @Test
    void aDeletedPackIsNamedByMessageMarkedAndStoredAgainByTheNextBackup() throws Exception {
        try (BackupFixture f = fixture()) {
            BackupResult first = f.backup(store);
            PackId lost = aMessageHeader(f, first.snapshotId()).location().pack();
            Files.delete(file(f, packName(lost)));

            CheckResult found = check(f, DataSelection.NONE);
            assertFalse(found.clean());
            assertTrue(
                    found.damage().stream()
                            .anyMatch(d ->
                                    d.object().equals("pack " + lost.hex().substring(0, 12))
                                            && d.problem().startsWith("missing")),
                    found.damage().toString());
            assertFalse(found.messages().isEmpty(), "messages named");
            for (AffectedMessage m : found.messages()) {
                assertNotNull(m.subject(), "subject from the search index: " + m);
                assertNotNull(m.messageId(), m.toString());
                assertTrue(
                        Files.exists(store.resolve(m.mailbox())
                                        .resolve(m.folder())
                                        .resolve("cur")
                                        .resolve(m.fileName()))
                                || Files.exists(store.resolve(m.mailbox())
                                        .resolve(m.folder())
                                        .resolve("new")
                                        .resolve(m.fileName())),
                        "names a real file: " + m);
                assertEquals(first.snapshotId(), m.firstSnapshot());
            }
            assertEquals(1, found.snapshots().size());
            assertEquals(found.messages().size(), found.snapshots().get(0).messages());

            // without the marks, a backup deduplicates against the lost blobs and stores nothing
            DamageMarks.Result marked = DamageMarks.record(f.catalog, found);
            assertTrue(marked.blobsDropped() > 0 && marked.placementsDropped() > 0, marked.toString());
            BackupResult second = f.backup(store);
            assertFalse(second.partial(), second.problems().toString());
            assertEquals(
                    found.messages().size(),
                    second.progress().messagesRead.get(),
                    "exactly the affected messages are read again");
            assertTrue(second.blobs().dataBlobsNew() > 0, second.blobs().toString());

            Path target = tmp.resolve("restore");
            f.restore(second.snapshotId(), null, target, RestoreMode.EMPTY_TARGET);
            assertEquals(List.of(), StoreTree.capture(store, OPTIONS).diff(StoreTree.capture(target, OPTIONS)));

            // the blobs are stored again under the same ids: no snapshot is affected any more, only the index
            // still lists the missing pack until a repair
            CheckResult afterBackup = check(f, DataSelection.NONE);
            assertEquals(List.of(), afterBackup.messages());
            assertEquals(List.of(), afterBackup.snapshots());
            assertFalse(afterBackup.clean());

            IndexRepair.Result repaired = new IndexRepair(f.repository).run();
            assertFalse(repaired.replaced().isEmpty());
            assertTrue(repaired.after().clean(), repaired.after().damage().toString());
            CheckResult after = check(f, DataSelection.ALL);
            assertTrue(after.clean(), after.damage().toString());

            // the catalog follows the superseded index; the next backup works and restores
            BackupResult third = f.backup(store);
            assertFalse(third.partial());
            Path target3 = tmp.resolve("restore3");
            f.restore(first.snapshotId(), null, target3, RestoreMode.EMPTY_TARGET);
            assertEquals(
                    List.of(),
                    StoreTree.capture(store, OPTIONS).diff(StoreTree.capture(target3, OPTIONS)),
                    "the first snapshot is whole again");
        }
    }

    @Test
    void aMarkedPackThatComesBackIsVerifiedByReadDataAndServesDeduplicationAgain() throws Exception {
        try (BackupFixture f = fixture()) {
            BackupResult first = f.backup(store);
            var victim = aMessageHeader(f, first.snapshotId());
            Path pack = file(f, packName(victim.location().pack()));
            Path away = tmp.resolve("away");
            Files.move(pack, away); // a transient failure: the pack was unreachable for one check
            DamageMarks.Result marked = DamageMarks.record(f.catalog, check(f, DataSelection.NONE));
            assertTrue(marked.blobsDropped() > 0, marked.toString());
            assertTrue(f.catalog.blobs().find(victim.id()).isEmpty(), "dropped from the blob index");
            Files.move(away, pack);

            // a check that does not read the pack proves nothing: the marks stay
            var marks = f.catalog.blobs().damagedLocations();
            assertEquals(marked.blobsDropped(), marks.size());
            CheckResult headersOnly;
            try (CatalogReader reader = f.catalog.read()) {
                headersOnly = new Checker(f.repository, DataSelection.NONE, reader::message, marks, new CheckProgress())
                        .run();
            }
            assertTrue(headersOnly.clean(), headersOnly.damage().toString());
            assertEquals(List.of(), headersOnly.intact());
            assertEquals(0, DamageMarks.record(f.catalog, headersOnly).marksCleared());

            CheckResult read;
            try (CatalogReader reader = f.catalog.read()) {
                read = new Checker(f.repository, DataSelection.ALL, reader::message, marks, new CheckProgress()).run();
            }
            assertTrue(read.clean(), read.damage().toString());
            assertEquals(marks.size(), read.intact().size(), "every marked location was read and verified");
            assertEquals(marks.size(), DamageMarks.record(f.catalog, read).marksCleared());
            assertEquals(0, f.catalog.blobs().damagedLocations().size());
            assertEquals(
                    victim.location(),
                    f.catalog.blobs().find(victim.id()).orElseThrow(),
                    "the location is known again");

            // the placements the marks dropped are read again, and deduplicated against the pack that came back
            BackupResult second = f.backup(store);
            assertFalse(second.partial(), second.problems().toString());
            assertTrue(second.progress().messagesRead.get() > 0);
            assertEquals(0, second.blobs().dataBlobsNew(), second.blobs().toString());
        }
    }

    @Test
    void aCatalogRebuiltAfterAPackWasLostStopsDeduplicatingAgainstIt() throws Exception {
        try (BackupFixture f = fixture()) {
            BackupResult first = f.backup(store);
            PackId lost = aMessageHeader(f, first.snapshotId()).location().pack();
            Files.delete(file(f, packName(lost)));
            int affected = check(f, DataSelection.NONE).messages().size();
            assertTrue(affected > 0);

            f.loseCatalog(); // a new machine: no marks
            RebuildResult rebuilt = new CatalogRebuild(f.repository, f.catalog).run(new RebuildProgress());
            assertTrue(rebuilt.blobsInMissingPacks() > 0, rebuilt.toString());
            BackupResult next = f.backup(store);
            assertEquals(affected, next.progress().messagesRead.get(), "the lost messages are read and stored again");
            Path target = tmp.resolve("restore");
            f.restore(next.snapshotId(), null, target, RestoreMode.EMPTY_TARGET);
            assertEquals(List.of(), StoreTree.capture(store, OPTIONS).diff(StoreTree.capture(target, OPTIONS)));
            assertEquals(List.of(), check(f, DataSelection.NONE).messages());
        }
    }

    @Test
    void aLostMetadataPackIsWrittenAgainByTheNextBackup() throws Exception {
        try (BackupFixture f = fixture()) {
            BackupResult first = f.backup(store);
            List<PackId> metadata = packsOf(f, BlobType.METADATA);
            for (PackId pack : metadata) {
                Files.delete(file(f, packName(pack))); // every tree and manifest chunk
            }
            CheckResult found = check(f, DataSelection.NONE);
            assertEquals(1, found.snapshots().size());
            assertTrue(
                    found.snapshots().get(0).problems().stream().anyMatch(p -> p.contains("tree chunk")),
                    found.snapshots().toString());
            DamageMarks.record(f.catalog, found);

            BackupResult second = f.backup(store);
            assertEquals(0, second.progress().messagesRead.get(), "the messages themselves are fine");
            Path target = tmp.resolve("restore");
            f.restore(second.snapshotId(), null, target, RestoreMode.EMPTY_TARGET);
            assertEquals(List.of(), StoreTree.capture(store, OPTIONS).diff(StoreTree.capture(target, OPTIONS)));
            CheckResult after = check(f, DataSelection.NONE);
            assertEquals(List.of(), after.snapshots(), "the same chunks were written again: both snapshots whole");
            assertTrue(new IndexRepair(f.repository).run().after().clean());
            f.restore(first.snapshotId(), null, tmp.resolve("restore-first"), RestoreMode.EMPTY_TARGET);
        }
    }

    /** Where a content chunk of a version 3 manifest (one that an index lists) is: its pack and offset. */
    private org.mailsnap.repository.IndexedBlob aContentChunk(BackupFixture f, SnapshotId snapshotId)
            throws IOException {
        var blobs = f.repository.openBlobStore(f.catalog.blobs());
        List<org.mailsnap.model.BlobId> content = new ArrayList<>();
        for (var folder : f.folders(snapshotId).values()) {
            if (!folder.manifest().isEmpty() && content.isEmpty()) {
                org.mailsnap.snapshot.ManifestChunks.visit(
                        folder.manifest().get(0), blobs::get, new org.mailsnap.snapshot.ManifestChunks.Visitor() {
                            @Override
                            public boolean enter(org.mailsnap.model.BlobId contentChunk) {
                                content.add(contentChunk);
                                return false;
                            }

                            @Override
                            public void content(org.mailsnap.model.Placement placement) {}
                        });
            }
        }
        for (PackId id : f.repository.maintenance().listPacks().packs().keySet()) {
            for (var blob : f.repository.maintenance().readPackHeader(id).blobs()) {
                if (blob.id().equals(content.get(0))) {
                    return blob;
                }
            }
        }
        throw new AssertionError("no pack holds " + content);
    }

    @Test
    void aBadContentChunkIsNamedByItsFoldersAndStoredAgainByTheNextBackup() throws Exception {
        try (BackupFixture f = fixture()) {
            BackupResult first = f.backup(store);
            var chunk = aContentChunk(f, first.snapshotId());
            flip(file(f, packName(chunk.location().pack())), chunk.location().offset() + 3);

            // --read-data: a metadata blob that fails while the snapshots are walked is reported, but only reading
            // the packs marks bad blobs in the catalog (as for a version 2 manifest chunk)
            CheckResult found = check(f, DataSelection.ALL);
            assertEquals(1, found.snapshots().size(), found.snapshots().toString());
            assertTrue(
                    found.snapshots().get(0).problems().stream()
                            .anyMatch(p ->
                                    p.contains("content chunk " + chunk.id().shortHex())),
                    found.snapshots().get(0).problems().toString());
            DamageMarks.record(f.catalog, found);

            BackupResult second = f.backup(store);
            assertEquals(0, second.progress().messagesRead.get(), "the messages themselves are fine");
            assertTrue(second.progress().foldersListed.get() > 0, "the tables were written anew");
            Path target = tmp.resolve("restore");
            f.restore(second.snapshotId(), null, target, RestoreMode.EMPTY_TARGET);
            assertEquals(List.of(), StoreTree.capture(store, OPTIONS).diff(StoreTree.capture(target, OPTIONS)));
        }
    }

    @Test
    void bitFlipsAndTruncatedPacksAreFoundAndNamedByMessage() throws Exception {
        try (BackupFixture f = fixture()) {
            BackupResult first = f.backup(store);
            var victim = aMessageHeader(f, first.snapshotId());
            PackId flipped = victim.location().pack();
            PackId truncated = packsOf(f, BlobType.DATA).stream()
                    .filter(p -> !p.equals(flipped))
                    .findFirst()
                    .orElseThrow();
            flip(file(f, packName(flipped)), victim.location().offset() + 3); // inside the header blob
            Path t = file(f, packName(truncated));
            byte[] bytes = Files.readAllBytes(t);
            Files.write(t, java.util.Arrays.copyOf(bytes, bytes.length - 30));

            CheckResult structure = check(f, DataSelection.NONE);
            assertTrue(
                    structure.damage().stream()
                            .anyMatch(d ->
                                    d.object().equals("pack " + truncated.hex().substring(0, 12))
                                            && d.problem().contains("header")),
                    "header damage found");
            assertFalse(
                    structure.damage().stream()
                            .anyMatch(d -> d.object().contains(flipped.hex().substring(0, 12))),
                    "a flipped blob is invisible without reading data");

            CheckResult read = check(f, DataSelection.ALL);
            assertTrue(
                    read.damage().stream()
                            .anyMatch(d ->
                                    d.object().equals("pack " + flipped.hex().substring(0, 12))
                                            && d.problem().contains("MAC mismatch")),
                    read.damage().toString());
            assertTrue(
                    read.messages().stream()
                            .anyMatch(m -> m.problems().toString().contains("damaged")),
                    "the message of the flipped blob is named");
            assertEquals(1, read.snapshots().size());
        }
    }

    @Test
    void aDamagedIndexIsReportedAndRepairIndexesItsPacksAnew() throws Exception {
        try (BackupFixture f = fixture()) {
            BackupResult first = f.backup(store);
            List<ObjectId> indexes = f.repository.objects().list(ObjectKind.INDEX);
            ObjectId broken = indexes.get(0);
            flip(file(f, "index/" + broken), 70);

            CheckResult found = check(f, DataSelection.NONE);
            assertTrue(
                    found.damage().stream().anyMatch(d -> d.object().equals("index " + broken.shortId())),
                    found.damage().toString());
            f.loseCatalog();
            IOException unusable = assertThrows(
                    IOException.class, () -> org.mailsnap.history.CatalogSync.blobIndex(f.repository, f.catalog));
            assertTrue(unusable.getMessage().contains("mailsnap repair"), unusable.getMessage());
            assertTrue(
                    found.leftovers().stream().anyMatch(d -> d.problem().startsWith("no index lists it")),
                    "its packs are unindexed");

            IndexRepair.Result repaired = new IndexRepair(f.repository).run();
            assertEquals(List.of(broken), repaired.replaced());
            assertFalse(repaired.indexedAnew().isEmpty());
            assertTrue(repaired.after().clean(), repaired.after().damage().toString());
            assertTrue(check(f, DataSelection.ALL).clean());

            // a new machine loads the index (the damaged file is superseded) and restores
            f.loseCatalog();
            Path target = tmp.resolve("restore");
            f.restore(first.snapshotId(), null, target, RestoreMode.EMPTY_TARGET);
            assertEquals(List.of(), StoreTree.capture(store, OPTIONS).diff(StoreTree.capture(target, OPTIONS)));
        }
    }

    @Test
    void aDamagedSnapshotIsSkippedEverywhereAndReported() throws Exception {
        try (BackupFixture f = fixture()) {
            BackupResult first = f.backup(store);
            Files.writeString(store.resolve(firstMailbox()).resolve("new").resolve("1.M1P1.x"), "Subject: x\n\nhi\n");
            BackupResult second = f.backup(store);
            flip(file(f, "snapshots/" + first.snapshotId()), 100);
            Files.write(file(f, "snapshots/" + "ab".repeat(32)), "garbage".getBytes(StandardCharsets.UTF_8));

            CheckResult found = check(f, DataSelection.NONE);
            assertTrue(
                    found.damage().stream()
                            .anyMatch(d -> d.object()
                                    .equals("snapshot " + first.snapshotId().shortId())),
                    found.damage().toString());
            assertTrue(found.damage().stream().anyMatch(d -> d.object().equals("snapshot " + "ab".repeat(6))));

            f.loseCatalog();
            SnapshotHistory history = SnapshotHistory.load(f.repository, f.catalog);
            assertEquals(
                    List.of(second.snapshotId()),
                    history.all().stream().map(s -> s.id()).toList());
            assertEquals(2, history.damaged().size());

            f.loseCatalog();
            RebuildResult rebuilt = new CatalogRebuild(f.repository, f.catalog).run(new RebuildProgress());
            assertTrue(rebuilt.partial());
            assertEquals(1, rebuilt.snapshots());
            Path target = tmp.resolve("restore");
            f.restore(second.snapshotId(), null, target, RestoreMode.EMPTY_TARGET);
            assertEquals(List.of(), StoreTree.capture(store, OPTIONS).diff(StoreTree.capture(target, OPTIONS)));
        }
    }

    @Test
    void aRestoreThatMeetsABadBlobMarksItAndTheNextBackupReadsThatMessageAgain() throws Exception {
        try (BackupFixture f = fixture()) {
            BackupResult first = f.backup(store);
            var victim = aMessageHeader(f, first.snapshotId());
            flip(file(f, packName(victim.location().pack())), victim.location().offset() + 3);

            // what a restore does blob by blob, through the source that marks a blob when it fails
            var blobs = f.repository.openBlobStore(f.catalog.blobs());
            List<String> failed = new ArrayList<>();
            for (var folder : f.placements(first.snapshotId()).entrySet()) {
                for (var p : folder.getValue()) {
                    List<org.mailsnap.model.BlobId> ids =
                            new ArrayList<>(p.content().body());
                    ids.add(0, p.content().header());
                    for (var id : ids) {
                        try {
                            DamageMarks.marking(blobs::get, f.catalog).get(id);
                        } catch (org.mailsnap.repository.CorruptObjectException e) {
                            failed.add(p.name());
                        }
                    }
                }
            }
            assertFalse(failed.isEmpty(), "the flipped header fails");

            BackupResult second = f.backup(store);
            assertEquals(failed.size(), second.progress().messagesRead.get(), "only the messages of " + failed);
            Path target = tmp.resolve("restore");
            f.restore(second.snapshotId(), null, target, RestoreMode.EMPTY_TARGET);
            assertEquals(List.of(), StoreTree.capture(store, OPTIONS).diff(StoreTree.capture(target, OPTIONS)));
        }
    }

    /** A message of a snapshot as its file in the store says: where it is, its plain Subject and Message-ID. */
    private record Victim(
            String mailbox,
            String folder,
            String name,
            String subject,
            String messageId,
            org.mailsnap.repository.IndexedBlob header) {}

    /** The first message of the snapshot whose Subject is plain ASCII text, with its header blob's location. */
    private Victim victim(BackupFixture f, SnapshotId snapshotId) throws IOException {
        for (var folder : f.placements(snapshotId).entrySet()) {
            for (var p : folder.getValue()) {
                Path file = store.resolve(folder.getKey().mailbox())
                        .resolve(folder.getKey().folder())
                        .resolve(p.inCur() ? "cur" : "new")
                        .resolve(p.name());
                String subject = null;
                String messageId = null;
                String text = Files.readString(file, java.nio.charset.StandardCharsets.ISO_8859_1);
                for (String line : text.split("\r?\n")) {
                    if (line.isEmpty()) {
                        break;
                    }
                    if (line.regionMatches(true, 0, "Subject: ", 0, 9)) {
                        subject = line.substring(9);
                    } else if (line.regionMatches(true, 0, "Message-ID: ", 0, 12)) {
                        messageId = line.substring(12).replaceAll("[<>]", "").strip();
                    }
                }
                if (subject == null || messageId == null || !subject.matches("[ -~]+") || subject.contains("=?")) {
                    continue;
                }
                for (PackId id : f.repository.maintenance().listPacks().packs().keySet()) {
                    for (var blob :
                            f.repository.maintenance().readPackHeader(id).blobs()) {
                        if (blob.id().equals(p.content().header())) {
                            return new Victim(
                                    folder.getKey().mailbox(),
                                    folder.getKey().folder(),
                                    p.name(),
                                    subject,
                                    messageId,
                                    blob);
                        }
                    }
                }
            }
        }
        throw new AssertionError("no message with a plain Subject in " + snapshotId);
    }

    /** The report names the victim in mail terms: mailbox, folder, file, Subject, Message-ID, and why. */
    private static void assertNamed(CheckResult result, Victim v, String why) {
        AffectedMessage m = result.messages().stream()
                .filter(a -> a.fileName().equals(v.name()))
                .findFirst()
                .orElseThrow(() -> new AssertionError(v.name() + " not among " + result.messages()));
        assertEquals(v.mailbox(), m.mailbox());
        assertEquals(v.folder(), m.folder());
        assertEquals(v.subject(), m.subject());
        assertEquals(v.messageId(), m.messageId());
        assertTrue(
                m.describe().contains(v.subject())
                        && m.describe().contains(v.messageId())
                        && m.describe().contains(v.mailbox()),
                m.describe());
        assertTrue(m.problems().toString().contains(why), m.problems().toString());
        assertFalse(result.clean());
    }

    @Test
    void bitFlipsInAPackItsHeaderAnIndexAndASnapshotAreFoundByReadDataAndReportedByMessage() throws Exception {
        try (BackupFixture f = fixture()) {
            BackupResult first = f.backup(store);
            Victim v = victim(f, first.snapshotId());
            PackId pack = v.header().location().pack();
            Path packFile = file(f, packName(pack));

            // a bit of the message's header blob: only --read-data sees it, and names the message
            long inBlob = v.header().location().offset() + 3;
            flip(packFile, inBlob);
            assertTrue(check(f, DataSelection.NONE).clean(), "invisible without reading data");
            CheckResult blobFlip = check(f, DataSelection.ALL);
            assertNamed(blobFlip, v, "damaged");
            assertFalse(blobFlip.messages().get(0).unindexedOnly());
            flip(packFile, inBlob);
            assertTrue(check(f, DataSelection.ALL).clean(), "flipped back");

            // a bit of the pack's encrypted header: found by check even without --read-data
            long inHeader = Files.size(packFile) - 12 - 5;
            flip(packFile, inHeader);
            CheckResult header = check(f, DataSelection.NONE);
            assertTrue(
                    header.damage().stream()
                            .anyMatch(d ->
                                    d.object().equals("pack " + pack.hex().substring(0, 12))
                                            && d.problem().contains("header")),
                    header.damage().toString());
            assertFalse(check(f, DataSelection.ALL).clean());
            flip(packFile, inHeader);

            // a bit of the index file listing the pack: the message is out of reach until repair, and named
            String index = f.repository.maintenance().indexIds().stream()
                    .filter(id -> {
                        try {
                            return f.repository.maintenance().readIndex(id).packs().stream()
                                    .anyMatch(p -> p.packId().equals(pack));
                        } catch (IOException e) {
                            throw new java.io.UncheckedIOException(e);
                        }
                    })
                    .findFirst()
                    .orElseThrow()
                    .hex();
            Path indexFile = file(f, "index/" + index);
            long inIndex = Files.size(indexFile) / 2;
            flip(indexFile, inIndex);
            CheckResult indexFlip = check(f, DataSelection.ALL);
            assertTrue(
                    indexFlip.damage().stream().anyMatch(d -> d.object().equals("index " + index.substring(0, 12))),
                    indexFlip.damage().toString());
            assertNamed(indexFlip, v, "no readable index lists it");
            assertTrue(indexFlip.messages().stream().allMatch(AffectedMessage::unindexedOnly), "repair heals them");
            assertEquals(
                    new DamageMarks.Result(0, 0, 0, 0),
                    DamageMarks.record(f.catalog, indexFlip),
                    "intact data is not stored again");
            flip(indexFile, inIndex);
            assertTrue(check(f, DataSelection.ALL).clean(), "flipped back");

            // a bit of a snapshot object: the catalog still says when it was taken, and which message it alone held
            Path inbox = store.resolve(firstMailbox());
            Path brief = inbox.resolve("new").resolve("1700000200.M1P1.brief");
            Files.writeString(
                    brief,
                    "Message-ID: <brief." + seed + "@example.org>\r\nSubject: here for an hour\r\n"
                            + "\r\nand gone\r\n");
            BackupResult second = f.backup(store);
            Files.delete(brief);
            f.backup(store);
            Path snapshotFile = file(f, "snapshots/" + second.snapshotId());
            flip(snapshotFile, Files.size(snapshotFile) / 2);
            CheckResult snapshotFlip = check(f, DataSelection.ALL);
            AffectedSnapshot damaged = snapshotFlip.snapshots().stream()
                    .filter(a -> a.id().equals(second.snapshotId()))
                    .findFirst()
                    .orElseThrow();
            assertNotNull(damaged.time(), "the catalog knows when it was taken");
            assertNotNull(damaged.storeKey());
            assertNamed(
                    snapshotFlip,
                    new Victim(
                            firstMailbox(),
                            "",
                            "1700000200.M1P1.brief",
                            "here for an hour",
                            "brief." + seed + "@example.org",
                            null),
                    "held only by snapshot " + second.snapshotId().shortId());
        }
    }

    private String firstMailbox() throws IOException {
        try (var dirs = Files.walk(store)) {
            return store.relativize(dirs.filter(p -> p.getFileName().toString().equals("cur"))
                            .map(Path::getParent)
                            .filter(p -> !p.getFileName().toString().startsWith("."))
                            .sorted()
                            .findFirst()
                            .orElseThrow())
                    .toString();
        }
    }
}
