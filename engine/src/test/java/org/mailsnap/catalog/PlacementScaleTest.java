package org.mailsnap.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mailsnap.model.BaseNames;
import org.mailsnap.model.FolderKey;

/** 200k placements in 20 folders: the cost per entry of writing them in one transaction and reading them back. */
class PlacementScaleTest {
    private static final int FOLDERS = 20;
    private static final int PER_FOLDER = 10_000;
    private static final String STORE = "mx1.example.org:/var/vmail";

    @TempDir
    Path dir;

    @Test
    void insertAndIterate200kPlacements() throws Exception {
        List<FolderKey> folders = new ArrayList<>();
        for (int f = 0; f < FOLDERS; f++) {
            folders.add(new FolderKey("example.org/user" + f, f % 2 == 0 ? "" : ".Archive.2024"));
        }
        try (Catalog catalog = Catalog.open(dir, "r")) {
            long t0 = System.nanoTime();
            long t1;
            try (CatalogWriter w = catalog.beginWrite()) {
                for (FolderKey folder : folders) {
                    for (int i = 0; i < PER_FOLDER; i++) {
                        String base = base(i);
                        w.putPlacement(
                                STORE,
                                folder,
                                new PlacementRecord(
                                        base, base + ":2,S", true, 1_700_000_000_000_000_000L + i, Samples.CONTENT));
                    }
                }
                t1 = System.nanoTime();
                w.commit();
            }
            long t2 = System.nanoTime();
            long n = 0;
            try (CatalogReader r = catalog.read()) {
                for (FolderKey folder : folders) {
                    String previous = null;
                    try (CatalogCursor<PlacementRecord> c = r.placements(STORE, folder)) {
                        while (c.hasNext()) {
                            PlacementRecord p = c.next();
                            assertTrue(previous == null || BaseNames.ORDER.compare(previous, p.base()) < 0);
                            previous = p.base();
                            n++;
                        }
                    }
                }
            }
            long t3 = System.nanoTime();
            assertEquals((long) FOLDERS * PER_FOLDER, n);
            long dataBytes = Files.size(dir.resolve(Catalog.STATE_DIR).resolve(LmdbEnvironment.DATA_FILE));
            System.out.printf(
                    "PlacementScaleTest: %d placements: put %.0f ms (%.2f us each), commit %.0f ms, "
                            + "iterate %.0f ms (%.2f us each), state file %.1f MB (%.0f bytes each)%n",
                    n,
                    (t1 - t0) / 1e6,
                    (t1 - t0) / 1e3 / n,
                    (t2 - t1) / 1e6,
                    (t3 - t2) / 1e6,
                    (t3 - t2) / 1e3 / n,
                    dataBytes / 1e6,
                    (double) dataBytes / n);
        }
    }

    /** A Dovecot-like base: seconds, microseconds, pid, host, size. */
    private static String base(int i) {
        return (1_700_000_000 + i * 37) + ".M" + (i * 7919 % 1_000_000) + "P" + (1000 + i % 5000)
                + ".mail.example.org,S=" + (2000 + i) + ",W=" + (2050 + i);
    }
}
