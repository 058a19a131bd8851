package org.mailsnap.catalog;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import jnr.ffi.LibraryLoader;

/**
 * The address ranges where this process maps an LMDB data file, and a way to give their pages back. LMDB maps its
 * data file read-only and shared, so every page a run reads or writes stays resident in the process until unmapped:
 * at a million messages the catalog is 1.5 GB and a run's resident size grew with it.
 * {@code madvise(MADV_DONTNEED)} drops those pages from the process (they stay in the page cache, and the next
 * access maps them again), so the run's memory is bounded by what it touches between two releases.
 *
 * <p>{@code madvise(MADV_RANDOM)} makes a fault read only the page it needs. Without it a fault on a page that is not
 * in the page cache reads the device's whole read-ahead window around it (8 MiB on the virtual disks measured), so
 * a run that reads a few thousand records scattered over a catalog of a million messages pulls most of the file
 * into the page cache (1.1 GB for 6 MB of records, {@code benchmarks/results/2026-12-06-catalog-reads}), evicting
 * the mail server's cache. A run that reads most of the catalog anyway wants the read-ahead, which reads it in a few
 * hundred large reads instead of a hundred thousand small ones, so the advice is the caller's, not given at open.
 *
 * <p>The ranges are found once in {@code /proc/self/maps} by the file's path (lmdbjava reports no map address); the
 * map does not move while the environment is open, since its size is set only when it opens. Best effort: off
 * Linux, or where a call fails, nothing happens.
 */
final class MappedPages {
    private static final int MADV_NORMAL = 0;
    private static final int MADV_RANDOM = 1;
    private static final int MADV_DONTNEED = 4;
    private static final Path MAPS = Path.of("/proc/self/maps");
    private static final LibC LIBC = load();
    private static final MappedPages NONE = new MappedPages(List.of());

    /** The C library's {@code madvise}, through jnr-ffi (which lmdbjava already uses for LMDB itself). */
    public interface LibC {
        int madvise(long address, long length, int advice);
    }

    private record Range(long start, long end) {}

    private final List<Range> ranges;

    private MappedPages(List<Range> ranges) {
        this.ranges = ranges;
    }

    /** Every mapping of {@code file} in this process now; none where they cannot be found or released. */
    static MappedPages of(Path file) {
        if (LIBC == null) {
            return NONE;
        }
        String path;
        String maps;
        try {
            path = file.toRealPath().toString();
            maps = Files.readString(MAPS, StandardCharsets.UTF_8);
        } catch (IOException unavailable) {
            return NONE;
        }
        List<Range> ranges = new ArrayList<>();
        for (String line : maps.split("\n")) {
            // "start-end perms offset dev inode   path"; the path is the rest of the line and may contain spaces
            int pathStart = line.indexOf('/');
            if (pathStart < 0 || !line.substring(pathStart).equals(path)) {
                continue;
            }
            int dash = line.indexOf('-');
            int space = line.indexOf(' ');
            ranges.add(new Range(
                    Long.parseUnsignedLong(line.substring(0, dash), 16),
                    Long.parseUnsignedLong(line.substring(dash + 1, space), 16)));
        }
        return new MappedPages(List.copyOf(ranges));
    }

    /** Drops the resident pages of every range; false when there was none or a call failed. */
    boolean release() {
        return adviseAll(MADV_DONTNEED);
    }

    /** From now on a fault reads only its own page, no read-ahead; false when there was no range or a call failed. */
    boolean readOnDemand() {
        return adviseAll(MADV_RANDOM);
    }

    /** From now on a fault reads the kernel's read-ahead window around its page again (its default). */
    boolean readAhead() {
        return adviseAll(MADV_NORMAL);
    }

    private boolean adviseAll(int advice) {
        for (Range r : ranges) {
            if (LIBC.madvise(r.start(), r.end() - r.start(), advice) != 0) {
                return false;
            }
        }
        return !ranges.isEmpty();
    }

    private static LibC load() {
        if (!System.getProperty("os.name").equals("Linux")) {
            return null; // the advice values and their meanings are Linux's
        }
        try {
            return LibraryLoader.create(LibC.class).load("c");
        } catch (RuntimeException | LinkageError unavailable) {
            return null;
        }
    }
}
