package org.mailsnap.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mailsnap.model.BaseNames;
import org.mailsnap.model.BlobId;
import org.mailsnap.model.FolderKey;

class PlacementTest {
    private static final String STORE = "mx1:/var/vmail";

    @TempDir
    Path dir;

    @Test
    void oneFoldersPlacementsComeInBaseByteOrderWithoutBleedingIntoNeighbours() throws Exception {
        long seed = System.nanoTime();
        System.out.println("PlacementTest seed=" + seed);
        Random random = new Random(seed);
        // Neighbours whose names extend the folder's, mailbox's or store's name, or sort right after it.
        FolderKey a = new FolderKey("u1", ".A");
        List<FolderKey> neighbours = List.of(
                new FolderKey("u1", ".AB"),
                new FolderKey("u1", ".A.B"),
                new FolderKey("u10", ".A"),
                new FolderKey("u1", ""),
                new FolderKey("u", "1.A"));
        List<String> bases =
                new ArrayList<>(List.of("Z", "a", "é", "a.b", "1", "10", "2", "\u00ff", "\uFF01", "\uD83D\uDCE7"));
        for (int i = 0; i < 200; i++) {
            bases.add(Long.toString(random.nextLong() & Long.MAX_VALUE, 36));
        }
        try (Catalog catalog = Catalog.open(dir, "r")) {
            try (CatalogWriter w = catalog.beginWrite()) {
                List<String> shuffled = new ArrayList<>(bases);
                java.util.Collections.shuffle(shuffled, random);
                for (String base : shuffled) {
                    w.putPlacement(STORE, a, record(base));
                    for (FolderKey n : neighbours) {
                        w.putPlacement(STORE, n, record(base + "x"));
                    }
                    w.putPlacement(STORE + "x", a, record(base + "y"));
                }
                w.commit();
            }
            List<String> expected = new ArrayList<>(bases);
            expected.sort(BaseNames.ORDER);
            try (CatalogReader r = catalog.read()) {
                List<String> seen = new ArrayList<>();
                for (PlacementRecord p : CatalogTest.placements(r, STORE, a)) {
                    assertEquals(record(p.base()), p);
                    seen.add(p.base());
                }
                assertEquals(expected, seen);
                for (FolderKey n : neighbours) {
                    assertEquals(
                            bases.size(), CatalogTest.placements(r, STORE, n).size(), n.toString());
                }
                assertEquals(List.of(), CatalogTest.placements(r, STORE, new FolderKey("u1", ".B")));
                assertEquals(List.of(), CatalogTest.placements(r, "elsewhere", a));
                List<FolderKey> folders = new ArrayList<>(neighbours);
                folders.add(a);
                folders.sort((x, y) -> java.util.Arrays.compareUnsigned(
                        (x.mailbox() + "\0" + x.folder()).getBytes(java.nio.charset.StandardCharsets.UTF_8),
                        (y.mailbox() + "\0" + y.folder()).getBytes(java.nio.charset.StandardCharsets.UTF_8)));
                assertEquals(folders, r.folders(STORE));
                assertEquals(List.of(a), r.folders(STORE + "x"));
            }
        }
    }

    @Test
    void theBackupMergePatternReadsTheLastRunWhileWritingTheNext() throws Exception {
        FolderKey inbox = new FolderKey("anne", "");
        FolderKey sent = new FolderKey("anne", ".Sent");
        try (Catalog catalog = Catalog.open(dir, "r")) {
            try (CatalogWriter w = catalog.beginWrite()) {
                for (String base : List.of("b1", "b2", "b3", "b4")) {
                    w.putPlacement(STORE, inbox, record(base));
                }
                w.putPlacement(STORE, sent, record("s1"));
                w.commit();
            }
            // Run 2: the listing lost b2, flagged b3 and gained b5; the merge walks old and new together.
            List<PlacementRecord> listing = List.of(
                    record("b1"),
                    new PlacementRecord("b3", "b3:2,S", true, 9, Samples.CONTENT),
                    record("b4"),
                    record("b5"));
            try (CatalogReader last = catalog.read();
                    CatalogWriter run = catalog.beginWrite();
                    CatalogCursor<PlacementRecord> old = last.placements(STORE, inbox)) {
                int i = 0;
                PlacementRecord before = old.hasNext() ? old.next() : null;
                while (before != null || i < listing.size()) {
                    PlacementRecord now = i < listing.size() ? listing.get(i) : null;
                    int c = before == null ? 1 : now == null ? -1 : BaseNames.ORDER.compare(before.base(), now.base());
                    if (c < 0) {
                        run.deletePlacement(STORE, inbox, before.base());
                    } else if (c > 0 || !before.equals(now)) {
                        run.putPlacement(STORE, inbox, now);
                    }
                    if (c <= 0) {
                        before = old.hasNext() ? old.next() : null;
                    }
                    if (c >= 0) {
                        i++;
                    }
                }
                assertThrows(NoSuchElementException.class, old::next);
                run.deleteFolder(STORE, sent);
                run.commit();
            }
            try (CatalogReader r = catalog.read()) {
                assertEquals(listing, CatalogTest.placements(r, STORE, inbox));
                assertEquals(List.of(inbox), r.folders(STORE));
                assertEquals(List.of(), CatalogTest.placements(r, STORE, sent));
            }
            try (CatalogWriter w = catalog.beginWrite()) {
                assertEquals(4, w.clearPlacements(STORE, inbox));
                assertFalse(w.placements(STORE, inbox).hasNext());
                w.commit();
            }
        }
    }

    @Test
    void aFolderRecreatedAfterDeletionStartsEmpty() throws Exception {
        FolderKey trash = new FolderKey("anne", ".Trash");
        try (Catalog catalog = Catalog.open(dir, "r");
                CatalogWriter w = catalog.beginWrite()) {
            w.putPlacement(STORE, trash, record("t1"));
            w.deleteFolder(STORE, trash);
            w.putPlacement(STORE, trash, record("t2"));
            assertEquals(List.of(record("t2")), CatalogTest.placements(w, STORE, trash));
            w.commit();
        }
    }

    @Test
    void aWriterCountsTheRecordsItChanges() throws Exception {
        FolderKey inbox = new FolderKey("anne", "");
        try (Catalog catalog = Catalog.open(dir, "r");
                CatalogWriter w = catalog.beginWrite()) {
            assertEquals(0, w.changes());
            w.putPlacement(STORE, inbox, record("b1"));
            w.putPlacement(STORE, inbox, record("b2"));
            w.deletePlacement(STORE, inbox, "b1");
            assertEquals(3, w.changes());
            w.placements(STORE, inbox).close();
            assertEquals(3, w.changes(), "reads change nothing");
            assertEquals(1, w.clearPlacements(STORE, inbox));
            assertEquals(4, w.changes());
        }
    }

    @Test
    void mappedPagesAreGivenBackAndReadAgainIntact() throws Exception {
        FolderKey inbox = new FolderKey("anne", "");
        try (Catalog catalog = Catalog.open(dir, "r")) {
            putPlacements(catalog, inbox, 5_000);
            boolean linux = System.getProperty("os.name").equals("Linux");
            assertEquals(linux, catalog.releaseMappedPages(), "madvise is there on Linux, and only there");
            try (CatalogWriter w = catalog.beginWrite()) {
                List<PlacementRecord> expected = new ArrayList<>();
                for (int i = 0; i < 5_000; i++) {
                    expected.add(record("b" + i));
                }
                expected.sort(java.util.Comparator.comparing(PlacementRecord::base));
                assertEquals(expected, CatalogTest.placements(w, STORE, inbox), "the pages come back from the file");
            }
        }
    }

    /** A run's writer being open makes every environment release more often; reads alone keep the longer interval. */
    @Test
    void anOpenWriterMakesTheReleasesMoreFrequent() throws Exception {
        assumeLinux();
        BlobId absent = BlobId.of(new byte[32]);
        int lookups = 4 * LmdbEnvironment.OPERATIONS_PER_RELEASE_WHILE_WRITING;
        try (Catalog catalog = Catalog.open(dir, "r")) {
            long before = catalog.mappedPageReleases();
            try (CatalogWriter run = catalog.beginWrite()) {
                for (int i = 0; i < lookups; i++) {
                    catalog.blobs().find(absent);
                }
            }
            long whileWriting = catalog.mappedPageReleases() - before;
            assertTrue(whileWriting >= 4, "released " + whileWriting + " times in " + lookups + " lookups");

            before = catalog.mappedPageReleases();
            for (int i = 0; i < lookups; i++) {
                catalog.blobs().find(absent);
            }
            long afterwards = catalog.mappedPageReleases() - before;
            assertTrue(
                    afterwards <= 1, "released " + afterwards + " times in " + lookups + " lookups without a writer");
        }
    }

    @Test
    void everyFewHundredOperationsGiveTheMappedPagesBack() throws Exception {
        assumeLinux();
        FolderKey inbox = new FolderKey("anne", "");
        try (Catalog catalog = Catalog.open(dir, "r")) {
            long before = catalog.mappedPageReleases();
            int puts = 4 * LmdbEnvironment.OPERATIONS_PER_RELEASE;
            putPlacements(catalog, inbox, puts);
            assertTrue(
                    catalog.mappedPageReleases() - before >= 4,
                    "released " + (catalog.mappedPageReleases() - before) + " times in " + puts + " writes");
            try (CatalogReader r = catalog.read()) {
                assertEquals(puts, CatalogTest.placements(r, STORE, inbox).size(), "the pages come back from the file");
            }
        }
    }

    @Test
    void aRunThatReadsHereAndThereHasTheKernelReadOnlyThePagesItFaultsUntilItAsksForReadAhead() throws Exception {
        assumeLinux();
        FolderKey inbox = new FolderKey("anne", "");
        try (Catalog catalog = Catalog.open(dir, "r")) {
            putPlacements(catalog, inbox, 1_000);
            List<String> before = DataFileMaps.vmFlags(dir);
            assertEquals(2, before.size(), "one map of each environment's data file: " + before);
            before.forEach(flags -> assertFalse(flags.contains(" rr"), "read-ahead is the kernel's default: " + flags));

            assertTrue(catalog.readPagesOnDemand());

            List<String> after = DataFileMaps.vmFlags(dir);
            assertEquals(2, after.size(), after.toString());
            after.forEach(flags -> assertTrue(flags.contains(" rr"), "random reads advised: " + flags));
            try (CatalogReader r = catalog.read()) {
                assertEquals(1_000, CatalogTest.placements(r, STORE, inbox).size(), "the records read as before");
            }

            assertTrue(catalog.readAhead());
            DataFileMaps.vmFlags(dir)
                    .forEach(flags -> assertFalse(flags.contains(" rr"), "the default again: " + flags));
        }
    }

    /** Commits placements {@code b0 … b(n-1)} of {@code folder}. */
    private static void putPlacements(Catalog catalog, FolderKey folder, int n) throws java.io.IOException {
        try (CatalogWriter w = catalog.beginWrite()) {
            for (int i = 0; i < n; i++) {
                w.putPlacement(STORE, folder, record("b" + i));
            }
            w.commit();
        }
    }

    private static void assumeLinux() {
        org.junit.jupiter.api.Assumptions.assumeTrue(
                System.getProperty("os.name").equals("Linux"), "MADV_DONTNEED is Linux's");
    }

    private static PlacementRecord record(String base) {
        return new PlacementRecord(
                base, base + ":2,S", base.length() % 2 == 0, base.hashCode() * 1_000_000L, Samples.CONTENT);
    }
}
