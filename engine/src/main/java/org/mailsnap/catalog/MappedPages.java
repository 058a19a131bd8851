package org.mailsnap.catalog;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import jnr.ffi.LibraryLoader;

/**
 * Gives back the pages of an LMDB data file this process has mapped. LMDB maps its data file read-only and shared,
 * so every page a run reads or writes stays resident in the process until unmapped: at a million messages the
 * catalog is 1.5 GB and a run's resident size grew with it. {@code madvise(MADV_DONTNEED)} drops those pages from
 * the process (they stay in the page cache, and the next access maps them again), so the run's memory is bounded
 * by what it touches between two releases.
 *
 * <p>The mapping is found in {@code /proc/self/maps} by the file's path (lmdbjava reports no map address). Best
 * effort: off Linux, or where the call fails, nothing happens.
 */
final class MappedPages {
    private static final int MADV_DONTNEED = 4;
    private static final Path MAPS = Path.of("/proc/self/maps");
    private static final LibC LIBC = load();

    private MappedPages() {}

    /** The C library's {@code madvise}, through jnr-ffi (which lmdbjava already uses for LMDB itself). */
    public interface LibC {
        int madvise(long address, long length, int advice);
    }

    /** Releases every mapping of {@code file} in this process; false when there was none or a call failed. */
    static boolean release(Path file) {
        if (LIBC == null) {
            return false;
        }
        String path;
        String maps;
        try {
            path = file.toRealPath().toString();
            maps = Files.readString(MAPS, StandardCharsets.UTF_8);
        } catch (IOException unavailable) {
            return false;
        }
        boolean released = false;
        for (String line : maps.split("\n")) {
            // "start-end perms offset dev inode   path"; the path is the rest of the line and may contain spaces
            int pathStart = line.indexOf('/');
            if (pathStart < 0 || !line.substring(pathStart).equals(path)) {
                continue;
            }
            int dash = line.indexOf('-');
            int space = line.indexOf(' ');
            long start = Long.parseUnsignedLong(line.substring(0, dash), 16);
            long end = Long.parseUnsignedLong(line.substring(dash + 1, space), 16);
            if (LIBC.madvise(start, end - start, MADV_DONTNEED) != 0) {
                return false;
            }
            released = true;
        }
        return released;
    }

    private static LibC load() {
        if (!System.getProperty("os.name").equals("Linux")) {
            return null; // MADV_DONTNEED's value and meaning are Linux's
        }
        try {
            return LibraryLoader.create(LibC.class).load("c");
        } catch (RuntimeException | LinkageError unavailable) {
            return null;
        }
    }
}
