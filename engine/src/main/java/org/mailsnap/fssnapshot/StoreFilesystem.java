package org.mailsnap.fssnapshot;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The mounted filesystem that holds the store, as {@code /proc/self/mountinfo} lists it.
 *
 * @param store      the store's real path (links resolved)
 * @param mountPoint where the filesystem is mounted
 * @param type       its type ({@code btrfs}, {@code ext4}, {@code zfs})
 * @param source     what is mounted: a device ({@code /dev/mapper/vg0-mail}) or a ZFS dataset ({@code tank/mail})
 */
public record StoreFilesystem(Path store, Path mountPoint, String type, String source) {
    static final Path MOUNTINFO = Path.of("/proc/self/mountinfo");

    /** The filesystem holding {@code store}: the mount with the longest mount point above it, the last one listed. */
    public static StoreFilesystem of(Path store) throws IOException {
        if (!Files.isDirectory(store)) {
            throw new IOException("mail store " + store + " is not a directory"); // as Backup says it
        }
        Path real = store.toRealPath();
        return of(real, Files.readAllLines(MOUNTINFO));
    }

    static StoreFilesystem of(Path realStore, List<String> mountinfo) throws IOException {
        StoreFilesystem best = null;
        for (String line : mountinfo) {
            StoreFilesystem mount = parse(realStore, line);
            if (mount != null
                    && realStore.startsWith(mount.mountPoint)
                    && (best == null || mount.mountPoint.getNameCount() >= best.mountPoint.getNameCount())) {
                best = mount;
            }
        }
        if (best == null) {
            throw new IOException("no mounted filesystem holds " + realStore + " (" + MOUNTINFO + ")");
        }
        return best;
    }

    /**
     * One mountinfo line: {@code id parent major:minor root mountpoint options [optional...] - type source super},
     * with space, tab, newline and backslash in names written as octal escapes ({@code \040}).
     */
    private static StoreFilesystem parse(Path realStore, String line) {
        String[] fields = line.split(" ");
        int dash = List.of(fields).indexOf("-");
        if (fields.length < 5 || dash < 0 || dash + 2 >= fields.length) {
            return null;
        }
        return new StoreFilesystem(
                realStore, Path.of(unescape(fields[4])), fields[dash + 1], unescape(fields[dash + 2]));
    }

    static String unescape(String field) {
        StringBuilder out = new StringBuilder(field.length());
        for (int i = 0; i < field.length(); i++) {
            char c = field.charAt(i);
            if (c == '\\' && isOctal(field, i + 1)) {
                out.append((char) Integer.parseInt(field.substring(i + 1, i + 4), 8));
                i += 3;
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static boolean isOctal(String s, int from) {
        for (int i = from; i < from + 3; i++) {
            if (i >= s.length() || s.charAt(i) < '0' || s.charAt(i) > '7') {
                return false;
            }
        }
        return true;
    }

    /** The store's path relative to the mount point, to find it in an image of the whole filesystem. */
    Path storeInFilesystem() {
        return mountPoint.relativize(store);
    }

    /** Whether something is mounted at {@code directory} now. */
    static boolean mounted(Path directory) throws IOException {
        for (String line : Files.readAllLines(MOUNTINFO)) {
            String[] fields = line.split(" ");
            if (fields.length > 4 && Path.of(unescape(fields[4])).equals(directory)) {
                return true;
            }
        }
        return false;
    }
}
