package org.mailsnap.cli;

import java.nio.file.Path;
import org.mailsnap.backup.FrozenStore;
import org.mailsnap.fssnapshot.FsSnapshot;
import org.mailsnap.fssnapshot.FsSnapshotKind;
import org.mailsnap.fssnapshot.FsSnapshotSettings;
import org.mailsnap.fssnapshot.FsSnapshots;
import picocli.CommandLine.Option;

/**
 * {@code --fs-snapshot}: back up from a filesystem snapshot of the store (no Dovecot lock needed, every folder at one
 * instant) and remove it however the run ends; see {@link org.mailsnap.fssnapshot}.
 */
final class FsSnapshotOptions {
    @Option(
            names = "--fs-snapshot",
            paramLabel = "KIND",
            description = "Back up from a snapshot of the filesystem"
                    + " holding the store, made for the run and removed after it: btrfs, lvm, zfs, or command (yours, with"
                    + " --fs-snapshot-create and --fs-snapshot-remove). Implies --lock none; the snapshot records the live"
                    + " store's path.")
    String kind;

    @Option(
            names = "--fs-snapshot-create",
            paramLabel = "COMMAND",
            description = "With --fs-snapshot command: run"
                    + " COMMAND (with /bin/sh) to make the image of the store's filesystem appear at $MAILSNAP_FS_SNAPSHOT"
                    + " (see README for its environment).")
    String createCommand;

    @Option(
            names = "--fs-snapshot-remove",
            paramLabel = "COMMAND",
            description = "With --fs-snapshot command: run COMMAND to remove what the create command made.")
    String removeCommand;

    @Option(
            names = "--fs-snapshot-dir",
            paramLabel = "DIR",
            description = "Where LVM snapshots are mounted and the"
                    + " create command's $MAILSNAP_FS_SNAPSHOT directories are made (default: /run/mailsnap).")
    Path mountRoot;

    /** What runs on the store, or on its snapshot's image; {@code frozen} is null without {@code --fs-snapshot}. */
    @FunctionalInterface
    interface Body<T> {
        T run(FrozenStore frozen) throws Exception;
    }

    boolean active() {
        return kind != null;
    }

    /**
     * Runs {@code body} on a snapshot of the filesystem holding {@code store} (or on the store itself without
     * {@code --fs-snapshot}). The snapshot is removed when the body ends, also by an exception, and from a shutdown
     * hook when SIGINT or SIGTERM ends the JVM first; what SIGKILL leaves, the next run removes (and says so).
     */
    <T> T run(Environment env, Path store, Body<T> body) throws Exception {
        if (kind == null) {
            return body.run(null);
        }
        FsSnapshots snapshots =
                FsSnapshots.forStore(store, settings(), notice -> env.err().println("mailsnap: " + notice));
        Thread onSignal = new Thread(() -> remove(env, snapshots), "mailsnap-fs-snapshot-on-exit");
        Runtime.getRuntime().addShutdownHook(onSignal);
        try {
            FsSnapshot snapshot = snapshots.take();
            return body.run(new FrozenStore(snapshot.image(), snapshot.takenAt()));
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(onSignal);
            } catch (IllegalStateException shuttingDown) {
                // the hook runs (or ran) already
            }
            remove(env, snapshots);
        }
    }

    private FsSnapshotSettings settings() {
        FsSnapshotKind parsed;
        try {
            parsed = FsSnapshotKind.parse(kind);
        } catch (IllegalArgumentException e) {
            throw new UserError(ExitCode.USAGE, "--fs-snapshot " + e.getMessage());
        }
        if ((createCommand != null || removeCommand != null) && parsed != FsSnapshotKind.COMMAND) {
            throw new UserError(
                    ExitCode.USAGE,
                    "--fs-snapshot-create and --fs-snapshot-remove go with --fs-snapshot" + " command, not " + kind);
        }
        try {
            return new FsSnapshotSettings(
                    parsed,
                    mountRoot != null ? mountRoot : FsSnapshotSettings.DEFAULT_MOUNT_ROOT,
                    createCommand,
                    removeCommand);
        } catch (IllegalArgumentException e) {
            throw new UserError(ExitCode.USAGE, e.getMessage());
        }
    }

    /** A snapshot that cannot be removed is a warning: the backup stands, and the next run removes it. */
    private static void remove(Environment env, FsSnapshots snapshots) {
        try {
            snapshots.remove();
        } catch (java.io.IOException | RuntimeException e) {
            env.err()
                    .println("mailsnap: warning: cannot remove the filesystem snapshot (the next run will): "
                            + ExceptionMapper.message(e));
        }
        env.err().flush();
    }
}
