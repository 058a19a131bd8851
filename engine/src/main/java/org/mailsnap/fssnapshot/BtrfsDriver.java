package org.mailsnap.fssnapshot;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * Btrfs: a read-only snapshot of the subvolume that holds the store, made inside that subvolume as
 * {@code .mailsnap-fs-snapshot-<pid>} (btrfs makes a snapshot on the same filesystem, and borgmatic puts its own
 * there too). Nested subvolumes show as empty directories in a snapshot, so that directory is empty in the next
 * run's image and is no mailbox; mailboxes on a nested subvolume below the store are not in the snapshot.
 */
final class BtrfsDriver implements SnapshotDriver {
    static final String PREFIX = ".mailsnap-fs-snapshot-";
    /** The inode number of every btrfs subvolume's root directory ({@code BTRFS_FIRST_FREE_OBJECTID}). */
    private static final long SUBVOLUME_ROOT_INODE = 256;

    @Override
    public FsSnapshot create(StoreFilesystem fs, long pid) throws IOException {
        Path subvolume = subvolume(fs);
        Path snapshot = subvolume.resolve(PREFIX + pid);
        Instant takenAt = Instant.now();
        SystemCommand.run(List.of("btrfs", "subvolume", "snapshot", "-r", subvolume.toString(), snapshot.toString()));
        return new FsSnapshot(
                snapshot.resolve(subvolume.relativize(fs.store())), takenAt, "btrfs snapshot " + snapshot);
    }

    @Override
    public Set<Long> runs(StoreFilesystem fs) throws IOException {
        return RunNames.inDirectory(subvolume(fs), PREFIX);
    }

    @Override
    public String remove(StoreFilesystem fs, long pid) throws IOException {
        Path snapshot = subvolume(fs).resolve(PREFIX + pid);
        if (!Files.exists(snapshot, LinkOption.NOFOLLOW_LINKS)) {
            return null;
        }
        SystemCommand.run(List.of("btrfs", "subvolume", "delete", snapshot.toString()));
        return "btrfs snapshot " + snapshot;
    }

    /** The root of the subvolume holding the store: the nearest directory above it with inode 256. */
    static Path subvolume(StoreFilesystem fs) throws IOException {
        if (!fs.type().equals("btrfs")) {
            throw new IOException("--fs-snapshot btrfs: the store " + fs.store() + " is on " + fs.type() + " ("
                    + fs.source() + " at " + fs.mountPoint() + "), not on btrfs");
        }
        Object device = Files.getAttribute(fs.store(), "unix:dev");
        for (Path p = fs.store(); p != null && device.equals(Files.getAttribute(p, "unix:dev")); p = p.getParent()) {
            if (((Number) Files.getAttribute(p, "unix:ino")).longValue() == SUBVOLUME_ROOT_INODE) {
                return p;
            }
        }
        throw new IOException("--fs-snapshot btrfs: found no subvolume root above " + fs.store());
    }
}
