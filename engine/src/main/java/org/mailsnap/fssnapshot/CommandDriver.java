package org.mailsnap.fssnapshot;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The operator's own commands, run with {@code /bin/sh -c}: the create command makes an image of the store's
 * filesystem appear at {@code $MAILSNAP_FS_SNAPSHOT} (an empty owner-only directory that mailsnap made), or only of
 * the store at {@code $MAILSNAP_FS_SNAPSHOT_STORE}; the remove command undoes it. Both see:
 * <pre>
 *   MAILSNAP_STORE               the store's real path
 *   MAILSNAP_FS_MOUNT_POINT      where the filesystem holding it is mounted
 *   MAILSNAP_FS_TYPE             that filesystem's type (ext4, xfs, ...)
 *   MAILSNAP_FS_SOURCE           what is mounted there (a device, a dataset)
 *   MAILSNAP_FS_SNAPSHOT         where the image of that filesystem goes
 *   MAILSNAP_FS_SNAPSHOT_STORE   where mailsnap reads the store: $MAILSNAP_FS_SNAPSHOT/<store below the mount point>
 * </pre>
 * After the remove command, mailsnap deletes the directory, which must then be empty or gone.
 */
record CommandDriver(String createCommand, String removeCommand, MountDirectories mounts) implements SnapshotDriver {
    CommandDriver(String createCommand, String removeCommand, Path mountRoot) {
        this(createCommand, removeCommand, new MountDirectories(mountRoot, FsSnapshotKind.COMMAND));
    }

    @Override
    public FsSnapshot create(StoreFilesystem fs, long pid) throws IOException {
        Path dir = mounts.create(pid);
        Instant takenAt = Instant.now();
        SystemCommand.shell(createCommand, environment(fs, dir));
        Path image = dir.resolve(fs.storeInFilesystem());
        if (!Files.isDirectory(image)) {
            throw new IOException("the fs-snapshot create command made no directory " + image + " (it should make the"
                    + " store's filesystem appear at $MAILSNAP_FS_SNAPSHOT): " + createCommand);
        }
        return new FsSnapshot(image, takenAt, "snapshot at " + dir);
    }

    @Override
    public Set<Long> runs(StoreFilesystem fs) throws IOException {
        return mounts.runs();
    }

    @Override
    public String remove(StoreFilesystem fs, long pid) throws IOException {
        Path dir = mounts.of(pid);
        if (!Files.isDirectory(dir)) {
            return null;
        }
        SystemCommand.shell(removeCommand, environment(fs, dir));
        mounts.delete(pid);
        return "snapshot at " + dir;
    }

    static Map<String, String> environment(StoreFilesystem fs, Path dir) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("MAILSNAP_STORE", fs.store().toString());
        env.put("MAILSNAP_FS_MOUNT_POINT", fs.mountPoint().toString());
        env.put("MAILSNAP_FS_TYPE", fs.type());
        env.put("MAILSNAP_FS_SOURCE", fs.source());
        env.put("MAILSNAP_FS_SNAPSHOT", dir.toString());
        env.put(
                "MAILSNAP_FS_SNAPSHOT_STORE",
                dir.resolve(fs.storeInFilesystem()).toString());
        return env;
    }
}
