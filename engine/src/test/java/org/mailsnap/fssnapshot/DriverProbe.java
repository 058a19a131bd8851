package org.mailsnap.fssnapshot;

import java.nio.file.Path;

/**
 * A process for {@link LvmAndZfsCommandLinesTest}: one run's filesystem snapshot of a made-up LVM or ZFS store
 * taken and removed by the real driver, whose tools ({@code lvs}, {@code lvcreate}, {@code zfs}, …) resolve through
 * this process's PATH. Prints what the run reports, one line each.
 *
 * <p>Arguments: {@code LVM|ZFS MOUNT_ROOT PID}.
 */
public final class DriverProbe {
    private DriverProbe() {}

    public static void main(String[] args) throws Exception {
        FsSnapshotKind kind = FsSnapshotKind.valueOf(args[0]);
        long pid = Long.parseLong(args[2]);
        StoreFilesystem fs = kind == FsSnapshotKind.ZFS
                ? new StoreFilesystem(Path.of("/srv/mail/vmail"), Path.of("/srv/mail"), "zfs", "tank/mail")
                : new StoreFilesystem(Path.of("/srv/mail/vmail"), Path.of("/srv/mail"), "xfs", "/dev/mapper/vg0-mail");
        SnapshotDriver driver = FsSnapshots.driver(new FsSnapshotSettings(kind, Path.of(args[1]), null, null));
        FsSnapshots snapshots = new FsSnapshots(
                driver, fs, pid, other -> other == pid, notice -> System.out.println("notice: " + notice));
        FsSnapshot snapshot = snapshots.take();
        System.out.println("image: " + snapshot.image());
        System.out.println("made: " + snapshot.description());
        snapshots.remove();
    }
}
