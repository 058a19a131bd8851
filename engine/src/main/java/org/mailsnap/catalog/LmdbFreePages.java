package org.mailsnap.catalog;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.util.BitSet;
import java.util.OptionalLong;

/**
 * Reads LMDB's free list from a data file with {@code pread}, without mapping it: which pages at the end of a short
 * file are free (see {@link LmdbDataFile} for why a healthy file can be short).
 *
 * <h2>What is read (LMDB 0.9's {@code mdb.c}, 64-bit, native byte order)</h2>
 * <pre>
 * page      offset  0  u64  mp_pgno
 *           offset 10  u16  mp_flags      P_BRANCH 0x01, P_LEAF 0x02, P_OVERFLOW 0x04
 *           offset 12  u16  pb_lower      end of the node offsets (u16 each, from offset 16)
 *                      u32  pb_pages      (overflow pages) how many pages the overflow run spans
 * node      offset  0  u16 mn_lo, u16 mn_hi, u16 mn_flags, u16 mn_ksize, then the key, then the data
 *   branch: the child page is mn_lo | mn_hi &lt;&lt; 16 | mn_flags &lt;&lt; 32
 *   leaf:   the data size is mn_lo | mn_hi &lt;&lt; 16; with F_BIGDATA (0x01) the data is a u64 page number of an
 *           overflow run that holds it after that page's 16-byte header
 * free database (mm_dbs[0]): key a transaction id, data an IDL: u64 n, then n page numbers freed by it
 * </pre>
 * Every page the walk visits must lie inside the file and carry the flags its parent implies, and the walk visits at
 * most as many pages as the file has; anything else is {@link Unreadable}.
 */
final class LmdbFreePages {
    private static final int PAGE_HEADER_BYTES = LmdbDataFile.PAGE_HEADER_BYTES;
    private static final int P_BRANCH = 0x01;
    private static final int P_LEAF = 0x02;
    private static final int P_OVERFLOW = 0x04;
    private static final int F_BIGDATA = 0x01;
    private static final int NODE_HEADER_BYTES = 8;
    private static final long P_INVALID = -1L;

    /** The free database could not be read as LMDB writes it. */
    static final class Unreadable extends Exception {
        private static final long serialVersionUID = 1L;

        Unreadable(String message) {
            super(message);
        }
    }

    private final FileChannel channel;
    private final int pageSize;
    private final long filePages;
    private final long firstMissing;
    private final BitSet freeMissing = new BitSet();
    private long pagesVisited;

    private LmdbFreePages(FileChannel channel, int pageSize, long filePages, long firstMissing) {
        this.channel = channel;
        this.pageSize = pageSize;
        this.filePages = filePages;
        this.firstMissing = firstMissing;
    }

    /**
     * The first page from {@code firstMissing} to the meta's last page that is not on the free list, if any.
     *
     * @throws Unreadable when the free database is itself damaged or lies beyond the end of the file
     */
    static OptionalLong firstNotFree(FileChannel channel, LmdbDataFile.Meta meta, long firstMissing)
            throws IOException, Unreadable {
        long missing = meta.lastPage() + 1 - firstMissing;
        if (missing > Integer.MAX_VALUE) {
            return OptionalLong.of(firstMissing);
        }
        LmdbFreePages walk =
                new LmdbFreePages(channel, meta.pageSize(), channel.size() / meta.pageSize(), firstMissing);
        if (meta.freeRoot() != P_INVALID) {
            walk.visit(meta.freeRoot());
        }
        int firstUsed = walk.freeMissing.nextClearBit(0);
        return firstUsed >= missing ? OptionalLong.empty() : OptionalLong.of(firstMissing + firstUsed);
    }

    private void visit(long pageNumber) throws IOException, Unreadable {
        ByteBuffer page = page(pageNumber, 1);
        int flags = Short.toUnsignedInt(page.getShort(10));
        int lower = Short.toUnsignedInt(page.getShort(12));
        if ((flags & (P_BRANCH | P_LEAF)) == 0 || lower < PAGE_HEADER_BYTES || lower > pageSize) {
            throw new Unreadable("free list page " + pageNumber + " is neither a branch nor a leaf");
        }
        for (int at = PAGE_HEADER_BYTES; at + 2 <= lower; at += 2) {
            int node = Short.toUnsignedInt(page.getShort(at));
            if (node + NODE_HEADER_BYTES > pageSize) {
                throw new Unreadable("free list page " + pageNumber + " has a node past its end");
            }
            long lo = Short.toUnsignedLong(page.getShort(node));
            long hi = Short.toUnsignedLong(page.getShort(node + 2));
            int nodeFlags = Short.toUnsignedInt(page.getShort(node + 4));
            int keySize = Short.toUnsignedInt(page.getShort(node + 6));
            if ((flags & P_BRANCH) != 0) {
                visit(lo | hi << 16 | (long) nodeFlags << 32);
                continue;
            }
            long dataSize = lo | hi << 16;
            int data = node + NODE_HEADER_BYTES + keySize;
            if ((nodeFlags & F_BIGDATA) != 0) {
                addPages(overflow(page.getLong(checked(pageNumber, data, 8)), dataSize), 0, dataSize);
            } else {
                addPages(page, checked(pageNumber, data, dataSize), dataSize);
            }
        }
    }

    /** The IDL at {@code offset}: a count, then that many page numbers; only those from firstMissing are kept. */
    private void addPages(ByteBuffer buffer, int offset, long size) throws Unreadable {
        long count = size >= 8 ? buffer.getLong(offset) : -1;
        if (count < 0 || count > (size - 8) / 8) {
            throw new Unreadable("a free list entry of " + size + " bytes lists " + count + " pages");
        }
        for (int i = 0; i < count; i++) {
            long free = buffer.getLong(offset + 8 + 8 * i) - firstMissing;
            if (free >= 0 && free < Integer.MAX_VALUE) {
                freeMissing.set((int) free);
            }
        }
    }

    private ByteBuffer overflow(long pageNumber, long dataSize) throws IOException, Unreadable {
        ByteBuffer first = page(pageNumber, 1);
        if ((Short.toUnsignedInt(first.getShort(10)) & P_OVERFLOW) == 0) {
            throw new Unreadable("free list page " + pageNumber + " is not an overflow page");
        }
        long pages = Integer.toUnsignedLong(first.getInt(12));
        if (pages < 1 || pages * pageSize - PAGE_HEADER_BYTES < dataSize || pages > Integer.MAX_VALUE / pageSize) {
            throw new Unreadable(
                    "overflow page " + pageNumber + " spans " + pages + " pages for " + dataSize + " bytes");
        }
        return page(pageNumber, (int) pages).position(PAGE_HEADER_BYTES).slice().order(ByteOrder.nativeOrder());
    }

    private ByteBuffer page(long pageNumber, int pages) throws IOException, Unreadable {
        if (pageNumber < 2 || pageNumber + pages > filePages) {
            throw new Unreadable("free list page " + pageNumber + " is past the end of the file");
        }
        pagesVisited += pages;
        if (pagesVisited > filePages) {
            throw new Unreadable("the free list visits more pages than the file has");
        }
        ByteBuffer buffer = ByteBuffer.allocate(pages * pageSize).order(ByteOrder.nativeOrder());
        while (buffer.hasRemaining()) {
            if (channel.read(buffer, pageNumber * pageSize + buffer.position()) < 0) {
                throw new Unreadable("free list page " + pageNumber + " is past the end of the file");
            }
        }
        return buffer.clear();
    }

    private int checked(long pageNumber, int offset, long size) throws Unreadable {
        if (offset + size > pageSize) {
            throw new Unreadable("free list page " + pageNumber + " has a node past its end");
        }
        return offset;
    }
}
