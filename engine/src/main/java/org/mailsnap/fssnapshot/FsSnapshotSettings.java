package org.mailsnap.fssnapshot;

import java.nio.file.Path;
import java.util.Objects;

/**
 * How to snapshot the store's filesystem.
 *
 * @param kind          btrfs, LVM, ZFS or the operator's commands
 * @param mountRoot     where LVM snapshots are mounted and the commands' {@code $MAILSNAP_FS_SNAPSHOT} directories
 *                      are made
 * @param createCommand for {@link FsSnapshotKind#COMMAND}: the shell command that makes the snapshot
 * @param removeCommand for {@link FsSnapshotKind#COMMAND}: the shell command that removes it
 */
public record FsSnapshotSettings(FsSnapshotKind kind, Path mountRoot, String createCommand, String removeCommand) {
    /** Where snapshots are mounted unless told otherwise (a tmpfs: nothing there survives a reboot by mistake). */
    public static final Path DEFAULT_MOUNT_ROOT = Path.of("/run/mailsnap");

    public FsSnapshotSettings {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(mountRoot, "mountRoot");
        if (kind == FsSnapshotKind.COMMAND && (createCommand == null || removeCommand == null)) {
            throw new IllegalArgumentException(
                    "--fs-snapshot command needs both --fs-snapshot-create and" + " --fs-snapshot-remove");
        }
    }
}
