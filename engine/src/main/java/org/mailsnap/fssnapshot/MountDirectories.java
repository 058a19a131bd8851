package org.mailsnap.fssnapshot;

import java.io.IOException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import java.util.TreeSet;

/**
 * The directories where snapshots are mounted, {@code <root>/fs-snapshot-<kind>-<pid>}: made owner-only (a
 * snapshot shows every mailbox), one per run.
 */
final class MountDirectories {
    private final Path root;
    private final String prefix;

    MountDirectories(Path root, FsSnapshotKind kind) {
        this.root = root;
        this.prefix = "fs-snapshot-" + kind.word() + "-";
    }

    Path of(long pid) {
        return root.resolve(prefix + pid);
    }

    /** Makes run {@code pid}'s directory (and the root, when missing); it must be empty. */
    Path create(long pid) throws IOException {
        var ownerOnly = PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------"));
        Files.createDirectories(root, ownerOnly);
        Path dir = of(pid);
        if (!Files.isDirectory(dir)) {
            Files.createDirectory(dir, ownerOnly);
        }
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
            if (entries.iterator().hasNext()) {
                throw new IOException("the snapshot mount directory " + dir + " is not empty");
            }
        }
        return dir;
    }

    /** The runs that have a directory here. */
    Set<Long> runs() throws IOException {
        return Files.isDirectory(root) ? RunNames.inDirectory(root, prefix) : new TreeSet<>();
    }

    /** Removes run {@code pid}'s directory, which must be empty by now (unmounted); true when there was one. */
    boolean delete(long pid) throws IOException {
        Path dir = of(pid);
        try {
            return Files.deleteIfExists(dir);
        } catch (DirectoryNotEmptyException e) {
            throw new IOException("the snapshot mount directory " + dir + " is not empty after removing the snapshot"
                    + " (still mounted?)");
        }
    }
}
