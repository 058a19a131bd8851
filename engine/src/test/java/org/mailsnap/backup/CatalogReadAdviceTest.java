package org.mailsnap.backup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mailsnap.catalog.Catalog;
import org.mailsnap.catalog.DataFileMaps;

class CatalogReadAdviceTest {
    @TempDir
    Path dir;

    @Test
    void readsPageByPageUntilMoreThanATenthOfTheFoldersSeenWereListed() throws Exception {
        Assumptions.assumeTrue(System.getProperty("os.name").equals("Linux"), "madvise and smaps are Linux's");
        BackupProgress progress = new BackupProgress();
        try (Catalog catalog = Catalog.open(dir, "r")) {
            CatalogReadAdvice advice = CatalogReadAdvice.start(catalog);
            assertRandomReads(true);

            progress.foldersListed.add(CatalogReadAdvice.FOLDERS_BEFORE_DECIDING - 1);
            advice.afterMailbox(progress);
            assertFalse(advice.readingAhead(), "every folder listed, but too few seen to decide");

            progress.foldersUnchanged.add(9 * CatalogReadAdvice.FOLDERS_BEFORE_DECIDING + 10);
            advice.afterMailbox(progress); // 63 listed of 649: less than a tenth
            assertFalse(advice.readingAhead());
            assertRandomReads(true);

            progress.foldersListed.add(2); // 65 of 651: not more than a tenth
            advice.afterMailbox(progress);
            assertFalse(advice.readingAhead());

            progress.foldersListed.add(1); // 66 of 652: more than a tenth
            advice.afterMailbox(progress);
            assertTrue(advice.readingAhead());
            assertRandomReads(false);

            progress.foldersUnchanged.add(10_000);
            advice.afterMailbox(progress);
            assertTrue(advice.readingAhead(), "the switch is never undone in a run");
        }
    }

    @Test
    void aRunThatNeverSwitchedLeavesTheCatalogReadingAheadWhenItEnds() throws Exception {
        Assumptions.assumeTrue(System.getProperty("os.name").equals("Linux"), "madvise and smaps are Linux's");
        try (Catalog catalog = Catalog.open(dir, "r")) {
            try (CatalogReadAdvice advice = CatalogReadAdvice.start(catalog)) {
                advice.afterMailbox(new BackupProgress()); // nothing listed
                assertRandomReads(true);
            }
            assertRandomReads(false);
        }
    }

    private void assertRandomReads(boolean expected) throws Exception {
        List<String> maps = DataFileMaps.vmFlags(dir);
        assertEquals(2, maps.size(), "one map per environment: " + maps);
        for (String flags : maps) {
            assertEquals(expected, flags.contains(" rr"), flags);
        }
    }
}
