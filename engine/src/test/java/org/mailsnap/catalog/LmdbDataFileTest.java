package org.mailsnap.catalog;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mailsnap.model.SnapshotId;

/**
 * The meta-page reader against files real LMDB wrote: it agrees with the file LMDB grew, picks the newer meta, and
 * refuses truncated or damaged files before LMDB maps them (mapping one would crash the JVM; see LocalStateTest in
 * the CLI for that shown in a child JVM).
 */
class LmdbDataFileTest {
    static final String REPO = "repo-1";

    @TempDir
    Path dir;

    Path data() {
        return dir.resolve(Catalog.STATE_DIR).resolve(LmdbEnvironment.DATA_FILE);
    }

    /** A catalog with a few thousand records, so that the data file has many pages. */
    void filledCatalog() throws Exception {
        try (Catalog catalog = Catalog.open(dir, REPO, 1 << 24);
                CatalogWriter w = catalog.beginWrite()) {
            for (int i = 0; i < 3000; i++) {
                w.putSnapshot(new SnapshotSummary(
                        SnapshotId.parse(String.format("%064x", i)), java.time.Instant.EPOCH, "host", "store", i));
            }
            w.commit();
        }
    }

    @Test
    void theNewestMetaOfARealFileAccountsForTheWholeFile() throws Exception {
        filledCatalog();
        try (FileChannel ch = FileChannel.open(data(), StandardOpenOption.READ)) {
            LmdbDataFile.Meta meta = LmdbDataFile.newestMeta(ch, data(), dir);
            assertEquals(4096, meta.pageSize());
            assertTrue(meta.txnId() >= 2, "the meta and the write: " + meta);
            assertTrue(meta.requiredBytes() > 10 * 4096, meta.toString());
            assertTrue(meta.requiredBytes() <= ch.size(), meta + " in " + ch.size());
        }
        LmdbDataFile.check(dir, data()); // passes
        try (Catalog catalog = Catalog.open(dir, REPO);
                CatalogReader r = catalog.read()) {
            assertEquals(3000, r.snapshots().size());
        }
    }

    @Test
    void oneMissingPageIsRefusedWithBothSizesAndTheRebuildCommand() throws Exception {
        filledCatalog();
        long size = Files.size(data());
        long needed;
        try (FileChannel ch = FileChannel.open(data(), StandardOpenOption.WRITE, StandardOpenOption.READ)) {
            needed = LmdbDataFile.newestMeta(ch, data(), dir).requiredBytes();
            ch.truncate(needed - 4096);
        }
        CatalogCorruptException e = assertThrows(CatalogCorruptException.class, () -> Catalog.open(dir, REPO));
        assertEquals(
                "the local catalog at " + dir + " is damaged (state/data.mdb: data file truncated: " + (needed - 4096)
                        + " bytes, needs " + needed + " (free list page " + (needed / 4096 - 1)
                        + " is past the end of the file)): run `mailsnap catalog rebuild`",
                e.getMessage());
        assertTrue(size >= needed);
        // refused before anything was opened: the catalog can be opened by nobody else, and deleted
        Catalog.delete(dir);
        assertFalse(Files.exists(dir));
    }

    /**
     * A write transaction that takes pages from the end of the file and frees them before it commits leaves them
     * counted in the meta's last page but never written: LMDB's own healthy file is shorter than the meta says.
     * The check must accept it (a year of hourly backups was refused by the first version of it), and refuse the
     * same file once a page still in use is cut off too.
     */
    @Test
    void freePagesNeverWrittenAtTheEndAreAHealthyFileAndAUsedPageIsNot() throws Exception {
        filledCatalog();
        Path state = data().getParent();
        try (org.lmdbjava.Env<ByteBuffer> env =
                org.lmdbjava.Env.create().setMapSize(1 << 24).setMaxDbs(8).open(state.toFile())) {
            org.lmdbjava.Dbi<ByteBuffer> scratch = env.openDbi("scratch", org.lmdbjava.DbiFlags.MDB_CREATE);
            ByteBuffer key = ByteBuffer.allocateDirect(8).putLong(0, 1);
            ByteBuffer big = ByteBuffer.allocateDirect(64 * 4096);
            try (org.lmdbjava.Txn<ByteBuffer> txn = env.txnWrite()) {
                scratch.put(txn, key, big); // overflow pages taken from the end of the file ...
                scratch.delete(txn, key); // ... and freed again in the same transaction: never written
                txn.commit();
            }
        }
        long size = Files.size(data());
        long needed;
        try (FileChannel ch = FileChannel.open(data(), StandardOpenOption.READ)) {
            needed = LmdbDataFile.newestMeta(ch, data(), dir).requiredBytes();
        }
        assertTrue(size < needed, "LMDB left the freed pages unwritten: " + size + " < " + needed);
        LmdbDataFile.check(dir, data());
        try (Catalog catalog = Catalog.open(dir, REPO);
                CatalogReader r = catalog.read()) {
            assertEquals(3000, r.snapshots().size());
        }

        long inUse;
        try (FileChannel ch = FileChannel.open(data(), StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            inUse = LmdbFreePages.firstNotFree(ch, LmdbDataFile.newestMeta(ch, data(), dir), 2)
                    .orElseThrow();
            ch.truncate(inUse * 4096);
        }
        CatalogCorruptException e = assertThrows(CatalogCorruptException.class, () -> Catalog.open(dir, REPO));
        assertTrue(e.getMessage().contains("data file truncated: " + inUse * 4096 + " bytes"), e.getMessage());
    }

    @Test
    void theNewerOfTheTwoMetasDecides() throws Exception {
        filledCatalog();
        try (FileChannel ch = FileChannel.open(data(), StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            LmdbDataFile.Meta newest = LmdbDataFile.newestMeta(ch, data(), dir);
            // make the other meta claim a later transaction with a larger last page: it now decides
            int word = 8;
            long txnOffset = LmdbDataFile.PAGE_HEADER_BYTES + 24 + 13L * word;
            long lastPageOffset = LmdbDataFile.PAGE_HEADER_BYTES + 24 + 12L * word;
            long other = otherMeta(ch, newest);
            ch.write(word(newest.txnId() + 1), other + txnOffset);
            ch.write(word(ch.size() / 4096 + 10), other + lastPageOffset);
            LmdbDataFile.Meta now = LmdbDataFile.newestMeta(ch, data(), dir);
            assertEquals(newest.txnId() + 1, now.txnId());
            assertEquals((ch.size() / 4096 + 11) * 4096, now.requiredBytes());
        }
        CatalogCorruptException e = assertThrows(CatalogCorruptException.class, () -> Catalog.open(dir, REPO));
        assertTrue(e.getMessage().contains("data file truncated"), e.getMessage());
    }

    @Test
    void aPageThatIsNoMetaOrHasNoMagicIsRefused() throws Exception {
        filledCatalog();
        byte[] good = Files.readAllBytes(data());
        byte[] noMeta = good.clone();
        noMeta[4096 + 10] = 0; // page 1's flags lose P_META
        noMeta[4096 + 11] = 0;
        Files.write(data(), noMeta);
        CatalogCorruptException e = assertThrows(CatalogCorruptException.class, () -> Catalog.open(dir, REPO));
        assertEquals(
                "the local catalog at " + dir + " is damaged (state/data.mdb: meta page at byte 4096 is not"
                        + " marked as a meta page): run `mailsnap catalog rebuild`",
                e.getMessage());

        byte[] noMagic = good.clone();
        noMagic[LmdbDataFile.PAGE_HEADER_BYTES] ^= 1;
        Files.write(data(), noMagic);
        e = assertThrows(CatalogCorruptException.class, () -> Catalog.open(dir, REPO));
        assertTrue(e.getMessage().contains("meta page at byte 0 has no LMDB magic"), e.getMessage());

        Files.write(data(), good);
        Catalog.open(dir, REPO).close();
    }

    @Test
    void anEmptyDataFileIsANewEnvironmentAsLmdbTreatsIt() throws Exception {
        Files.createDirectories(data().getParent());
        Files.write(data(), new byte[0]);
        LmdbDataFile.check(dir, data());
        try (Catalog catalog = Catalog.open(dir, REPO);
                CatalogReader r = catalog.read()) {
            assertEquals(0, r.snapshots().size());
        }
    }

    @Test
    void aNewCatalogIsOwnerOnlyAndAnOpenedUpOneIsTightenedAndReported() throws Exception {
        try (Catalog catalog = Catalog.open(dir, REPO)) {
            assertEquals(java.util.Optional.empty(), catalog.permissionWarning());
        }
        assertEquals("rwx------", mode(dir));
        assertEquals("rwx------", mode(dir.resolve("blobs")));
        assertEquals("rw-------", mode(data()));
        assertEquals("rw-------", mode(dir.resolve("blobs/lock.mdb")));
        Files.setPosixFilePermissions(dir.resolve("blobs"), PosixFilePermissions.fromString("rwxrwxrwx"));
        Files.setPosixFilePermissions(data(), PosixFilePermissions.fromString("rw-r--r--"));
        try (Catalog catalog = Catalog.open(dir, REPO)) {
            String warning = catalog.permissionWarning().orElseThrow();
            assertTrue(warning.contains(dir.resolve("blobs") + " 0777") && warning.contains(data() + " 0644"), warning);
        }
        assertEquals("rwx------", mode(dir.resolve("blobs")));
        assertEquals("rw-------", mode(data()));
        try (Catalog catalog = Catalog.open(dir, REPO)) {
            assertEquals(java.util.Optional.empty(), catalog.permissionWarning());
        }
    }

    static String mode(Path p) throws java.io.IOException {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
    }

    /** The offset of the meta page that is not {@code newest}. */
    private static long otherMeta(FileChannel ch, LmdbDataFile.Meta newest) throws java.io.IOException {
        ByteBuffer b = ByteBuffer.allocate(8).order(ByteOrder.nativeOrder());
        ch.read(b, LmdbDataFile.PAGE_HEADER_BYTES + 24 + 13 * 8);
        return b.getLong(0) == newest.txnId() ? 4096 : 0;
    }

    private static ByteBuffer word(long value) {
        return ByteBuffer.allocate(8).order(ByteOrder.nativeOrder()).putLong(0, value);
    }
}
