package org.mailsnap.fssnapshot;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * ZFS: a snapshot {@code <dataset>@mailsnap-<pid>} of the dataset holding the store, read through the dataset's
 * {@code .zfs/snapshot/} directory (ZFS mounts it there on first access, also when {@code snapdir=hidden}, and
 * unmounts it on {@code zfs destroy}).
 */
final class ZfsDriver implements SnapshotDriver {
    private static final String PREFIX = "mailsnap-";

    @Override
    public FsSnapshot create(StoreFilesystem fs, long pid) throws IOException {
        String name = PREFIX + pid;
        Instant takenAt = Instant.now();
        SystemCommand.run(List.of("zfs", "snapshot", dataset(fs) + "@" + name));
        Path image = fs.mountPoint()
                .resolve(".zfs")
                .resolve("snapshot")
                .resolve(name)
                .resolve(fs.storeInFilesystem());
        return new FsSnapshot(image, takenAt, "ZFS snapshot " + dataset(fs) + "@" + name);
    }

    @Override
    public Set<Long> runs(StoreFilesystem fs) throws IOException {
        Set<Long> runs = new TreeSet<>();
        String prefix = dataset(fs) + "@" + PREFIX;
        for (String line : SystemCommand.run(
                        List.of("zfs", "list", "-H", "-t", "snapshot", "-o", "name", "-d", "1", dataset(fs)))
                .split("\n")) {
            RunNames.pid(prefix, line.strip()).ifPresent(runs::add);
        }
        return runs;
    }

    @Override
    public String remove(StoreFilesystem fs, long pid) throws IOException {
        if (!runs(fs).contains(pid)) {
            return null;
        }
        String snapshot = dataset(fs) + "@" + PREFIX + pid;
        SystemCommand.run(List.of("zfs", "destroy", snapshot));
        return "ZFS snapshot " + snapshot;
    }

    private static String dataset(StoreFilesystem fs) throws IOException {
        if (!fs.type().equals("zfs")) {
            throw new IOException("--fs-snapshot zfs: the store " + fs.store() + " is on " + fs.type() + " ("
                    + fs.source() + " at " + fs.mountPoint() + "), not on a ZFS dataset");
        }
        return fs.source();
    }
}
