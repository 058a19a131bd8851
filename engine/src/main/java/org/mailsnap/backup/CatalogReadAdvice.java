package org.mailsnap.backup;

import org.mailsnap.catalog.Catalog;

/**
 * How the kernel reads the catalog's pages during a backup run: page by page while few folders have changed, with
 * the read-ahead once many have.
 *
 * <p>A run that finds little changed gets one folder state per folder and a few other records. Read page by page,
 * that is a few megabytes at a million messages; with the disk's read-ahead around each page (8 MiB on the virtual
 * disks measured) it is the whole 1.3 GB catalog, and a cold no-change run took 1.5 s instead of 0.8 s. A run that
 * lists most folders reads the placements of each, about half the catalog: page by page that was 112,000 reads and
 * 21 s, against 13 s with the read-ahead, which reads the file in large pieces
 * ({@code benchmarks/results/2026-12-06-catalog-reads}). A page read alone cost ~0.08 ms there and the whole file
 * with the read-ahead ~0.9 s, so the two meet when about a tenth of the folders are listed. A run starts page by
 * page and, once more than a tenth of the folders it has seen (at least {@link #FOLDERS_BEFORE_DECIDING}) were
 * listed, reads ahead for the rest of the run; the switch happens once and is never undone. Closed, it leaves the
 * catalog reading ahead, the default, for whatever the process does next.
 */
final class CatalogReadAdvice implements AutoCloseable {
    /** Folders seen before the share of listed ones decides: a few mailboxes. */
    static final long FOLDERS_BEFORE_DECIDING = 64;

    private final Catalog catalog;
    private boolean readingAhead;

    private CatalogReadAdvice(Catalog catalog) {
        this.catalog = catalog;
    }

    /** Starts a run's reads page by page. */
    static CatalogReadAdvice start(Catalog catalog) {
        catalog.readPagesOnDemand();
        return new CatalogReadAdvice(catalog);
    }

    /** After each mailbox: turns the read-ahead on once the folders listed so far are more than a tenth. */
    void afterMailbox(BackupProgress progress) {
        long listed = progress.foldersListed.get();
        long seen = listed + progress.foldersUnchanged.get();
        if (!readingAhead && seen >= FOLDERS_BEFORE_DECIDING && listed * 10 > seen) {
            catalog.readAhead();
            readingAhead = true;
        }
    }

    /** True once the run reads ahead. */
    boolean readingAhead() {
        return readingAhead;
    }

    /** Ends the run's advice: the catalog reads ahead again. */
    @Override
    public void close() {
        if (!readingAhead) {
            catalog.readAhead();
            readingAhead = true;
        }
    }
}
