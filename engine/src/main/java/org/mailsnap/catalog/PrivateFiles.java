package org.mailsnap.catalog;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Owner-only modes for the catalog's directories (0700) and files (0600), whatever the umask. The catalog holds
 * Subjects, addresses, Message-IDs and mailbox names in clear, so only the user running mailsnap may read it.
 *
 * <p>Modes are set explicitly after creation (a umask cannot widen a mode given at creation, but {@code mkdir -p}
 * by hand or an older mailsnap can have left wider ones). A catalog found more open than that is tightened, and
 * each path and its old mode is remembered for one warning: a cron run then warns once, not forever, and the data
 * stops being exposed at once. On a filesystem without POSIX modes nothing is changed.
 */
final class PrivateFiles {
    /** The mode LMDB is asked to create its files with. */
    static final int FILE_MODE = 0600;

    private static final Set<PosixFilePermission> DIRECTORY = PosixFilePermissions.fromString("rwx------");
    private static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");

    private final List<String> tightened = new ArrayList<>();

    /** Creates {@code dir} owner-only if absent (parents as usual), else tightens it. */
    void directory(Path dir) throws IOException {
        if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
            Files.createDirectories(dir.toAbsolutePath().getParent());
            try {
                Files.createDirectory(dir, PosixFilePermissions.asFileAttribute(DIRECTORY));
            } catch (FileAlreadyExistsException raced) {
                if (!Files.isDirectory(dir)) {
                    throw new NotDirectoryException(dir.toString()); // a file where the catalog should be
                }
                // created meanwhile, or a link to a directory: tightened below
            } catch (UnsupportedOperationException noPosix) {
                Files.createDirectory(dir);
                return;
            }
        }
        restrict(dir, DIRECTORY);
    }

    /** Tightens an existing file; nothing when it does not exist. */
    void file(Path file) throws IOException {
        try {
            restrict(file, FILE);
        } catch (NoSuchFileException absent) {
            // LMDB creates lock.mdb only when it needs one
        }
    }

    /** The paths that were more open than owner-only, each with its old mode ("state/data.mdb 0644"). */
    List<String> tightened() {
        return List.copyOf(tightened);
    }

    private void restrict(Path path, Set<PosixFilePermission> wanted) throws IOException {
        Set<PosixFilePermission> now;
        try {
            now = Files.getPosixFilePermissions(path);
        } catch (UnsupportedOperationException noPosix) {
            return;
        }
        if (!wanted.containsAll(now)) {
            tightened.add(path + " " + octal(now));
        }
        if (!now.equals(wanted)) {
            Files.setPosixFilePermissions(path, wanted);
        }
    }

    /** The permissions as an octal mode, e.g. {@code 0640}. */
    static String octal(Set<PosixFilePermission> permissions) {
        String rwx = PosixFilePermissions.toString(permissions); // e.g. "rw-r-----": one character per mode bit
        int mode = 0;
        for (int i = 0; i < rwx.length(); i++) {
            mode |= rwx.charAt(i) == '-' ? 0 : 0400 >> i;
        }
        return String.format("%04o", mode);
    }
}
