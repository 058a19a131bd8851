package org.mailsnap.catalog;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.OptionalLong;

/**
 * Checks an LMDB data file before LMDB maps it. LMDB reads the two meta pages with {@code pread} but every other page
 * through its memory map; a page beyond the end of a truncated file is then a {@code SIGBUS} inside native code,
 * which kills the JVM (exit 134, an {@code hs_err_pid*.log}) instead of raising anything Java can catch. So the file
 * must be at least as long as the newest meta page says before the environment is opened.
 *
 * <h2>What is read (LMDB 0.9's {@code mdb.c}, native byte order)</h2>
 * <pre>
 * page 0 and page 1: a 16-byte page header, then MDB_meta
 *   header  offset 10  u16   mp_flags          must have P_META (0x08)
 *   meta    offset  0  u32   mm_magic          0xBEEFC0DE
 *           offset  4  u32   mm_version        1 (MDB_DATA_VERSION)
 *           offset  8  word  mm_address
 *           offset  8+w      word  mm_mapsize
 *           offset  8+2w     MDB_db[2]         each: u32 md_pad, u16 md_flags, u16 md_depth, 5 words
 *                                                 (mm_dbs[0].md_pad is the page size, mm_psize)
 *           offset 24+12w    word  mm_last_pg  the last page in use
 *           offset 24+13w    word  mm_txnid    the transaction that wrote this meta
 * </pre>
 * {@code w} is the size of a pointer (8 on 64-bit JVMs). Page 1 starts at {@code mm_psize} of page 0. LMDB uses the
 * meta with the larger {@code mm_txnid}; the file then holds pages {@code 0..mm_last_pg}, i.e.
 * {@code (mm_last_pg + 1) * mm_psize} bytes, <em>except</em> for pages at the end that are free: a page a write
 * transaction took from the end of the file and freed again before it committed is counted in {@code mm_last_pg}
 * but never written, so a healthy file can be a few pages shorter (a year of simulated hourly backups met it). LMDB
 * never reads a free page, so a shorter file is accepted exactly when every missing page is on the free list
 * ({@link LmdbFreePages}, read from the free database of the same meta); one that is not is truncated. A file
 * shorter than one page is left to LMDB itself: an empty file is a new environment, and LMDB rejects a partial
 * first page ({@code MDB_INVALID}) without mapping anything.
 */
final class LmdbDataFile {
    static final int MAGIC = 0xBEEFC0DE;
    static final int DATA_VERSION = 1;
    static final int PAGE_HEADER_BYTES = 16;
    static final int P_META = 0x08;
    private static final int FLAGS_OFFSET = 10;
    private static final int MIN_PAGE_SIZE = 512;
    private static final int MAX_PAGE_SIZE = 0x10000;

    /** What the meta page LMDB would use says. */
    record Meta(int pageSize, long lastPage, long txnId, long freeRoot) {
        /** The bytes the file needs to hold every page in use. */
        long requiredBytes() {
            return (lastPage + 1) * pageSize;
        }
    }

    private LmdbDataFile() {}

    /**
     * Refuses a data file LMDB could not map safely; a missing or empty file (a new environment) passes.
     *
     * @throws CatalogCorruptException naming the catalog directory, the file's size and the size it needs
     */
    static void check(Path catalogDirectory, Path file) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = channel.size();
            if (size < MIN_PAGE_SIZE) {
                return;
            }
            Meta meta = newestMeta(channel, file, catalogDirectory);
            if (size >= meta.requiredBytes()) {
                return;
            }
            String truncated = "data file truncated: " + size + " bytes, needs " + meta.requiredBytes();
            try {
                OptionalLong used = LmdbFreePages.firstNotFree(channel, meta, size / meta.pageSize());
                if (used.isPresent()) {
                    throw damaged(catalogDirectory, file, truncated + " (page " + used.getAsLong() + " is in use)");
                }
            } catch (LmdbFreePages.Unreadable unreadable) {
                throw damaged(catalogDirectory, file, truncated + " (" + unreadable.getMessage() + ")");
            }
        } catch (NoSuchFileException absent) {
            // a new environment
        }
    }

    /** The meta LMDB would use: both pages must be valid metas; the one with the larger transaction id wins. */
    static Meta newestMeta(FileChannel channel, Path file, Path catalogDirectory) throws IOException {
        int word = "32".equals(System.getProperty("sun.arch.data.model")) ? 4 : 8;
        Meta first = readMeta(channel, 0, word, file, catalogDirectory);
        Meta second = readMeta(channel, first.pageSize(), word, file, catalogDirectory);
        return second.txnId() > first.txnId() ? second : first;
    }

    private static Meta readMeta(FileChannel channel, long offset, int word, Path file, Path catalogDirectory)
            throws IOException {
        int metaBytes = 24 + 14 * word;
        ByteBuffer page = ByteBuffer.allocate(PAGE_HEADER_BYTES + metaBytes).order(ByteOrder.nativeOrder());
        while (page.hasRemaining()) {
            if (channel.read(page, offset + page.position()) < 0) {
                throw damaged(
                        catalogDirectory,
                        file,
                        "data file truncated: " + channel.size() + " bytes, ends inside the meta page at " + offset);
            }
        }
        String where = "meta page at byte " + offset;
        if ((page.getShort(FLAGS_OFFSET) & P_META) == 0) {
            throw damaged(catalogDirectory, file, where + " is not marked as a meta page");
        }
        int m = PAGE_HEADER_BYTES;
        if (page.getInt(m) != MAGIC) {
            throw damaged(catalogDirectory, file, where + " has no LMDB magic");
        }
        if (page.getInt(m + 4) != DATA_VERSION) {
            throw damaged(
                    catalogDirectory,
                    file,
                    where + " has LMDB data version " + page.getInt(m + 4) + ", not " + DATA_VERSION);
        }
        int pageSize = page.getInt(m + 8 + 2 * word);
        if (pageSize < MIN_PAGE_SIZE || pageSize > MAX_PAGE_SIZE || Integer.bitCount(pageSize) != 1) {
            throw damaged(catalogDirectory, file, where + " has page size " + pageSize);
        }
        long lastPage = word(page, m + 24 + 12 * word, word);
        long txnId = word(page, m + 24 + 13 * word, word);
        // mm_dbs[0].md_root: after mm_address, mm_mapsize, md_pad, md_flags, md_depth and four counters
        long freeRoot = word(page, m + 16 + 6 * word, word);
        if (lastPage < 1 || lastPage > Long.MAX_VALUE / pageSize - 1) {
            throw damaged(catalogDirectory, file, where + " names last page " + Long.toUnsignedString(lastPage));
        }
        return new Meta(pageSize, lastPage, txnId, freeRoot);
    }

    private static long word(ByteBuffer b, int offset, int word) {
        return word == 8 ? b.getLong(offset) : Integer.toUnsignedLong(b.getInt(offset));
    }

    private static CatalogCorruptException damaged(Path catalogDirectory, Path file, String problem) {
        return new CatalogCorruptException(
                catalogDirectory, file.getParent().getFileName() + "/" + file.getFileName() + ": " + problem);
    }
}
