package org.mailsnap.fssnapshot;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * LVM: a snapshot volume {@code <lv>_mailsnap-<pid>} of the logical volume holding the store, mounted read-only
 * under the mount directories. A thin volume's snapshot is thin too and needs no size; a classic one gets copy-on-write
 * room of 10% of its origin ({@code --extents 10%ORIGIN}, borgmatic's default): it becomes invalid if more than that
 * changes during the run, and the run then fails on reading, never silently. The snapshot stays writable so that
 * mounting replays the filesystem's journal into it (ext4 and XFS do, also for a read-only mount); the mount itself
 * is read-only ({@code nouuid} for XFS, which refuses a second filesystem with the same UUID).
 */
final class LvmDriver implements SnapshotDriver {
    private static final String SUFFIX = "_mailsnap-";

    private final MountDirectories mounts;

    LvmDriver(Path mountRoot) {
        this.mounts = new MountDirectories(mountRoot, FsSnapshotKind.LVM);
    }

    /** The logical volume holding the store. */
    private record Volume(String group, String name, boolean thin) {
        String snapshotPrefix() {
            return name + SUFFIX;
        }
    }

    @Override
    public FsSnapshot create(StoreFilesystem fs, long pid) throws IOException {
        Volume volume = volume(fs);
        Path dir = mounts.create(pid);
        String name = volume.snapshotPrefix() + pid;
        List<String> lvcreate = new ArrayList<>(List.of("lvcreate", "--quiet", "--snapshot", "--name", name));
        lvcreate.addAll(volume.thin() ? List.of("--setactivationskip", "n") : List.of("--extents", "10%ORIGIN"));
        lvcreate.add(volume.group() + "/" + volume.name());
        Instant takenAt = Instant.now();
        SystemCommand.run(lvcreate);
        String options = fs.type().equals("xfs") ? "ro,nouuid" : "ro";
        SystemCommand.run(List.of(
                "mount", "-t", fs.type(), "-o", options, "/dev/" + volume.group() + "/" + name, dir.toString()));
        return new FsSnapshot(
                dir.resolve(fs.storeInFilesystem()),
                takenAt,
                "LVM snapshot " + volume.group() + "/" + name + " mounted at " + dir);
    }

    @Override
    public Set<Long> runs(StoreFilesystem fs) throws IOException {
        Set<Long> runs = mounts.runs();
        Volume volume = volume(fs);
        for (String line : SystemCommand.run(List.of("lvs", "--noheadings", "-o", "lv_name", volume.group()))
                .split("\n")) {
            RunNames.pid(volume.snapshotPrefix(), line.strip()).ifPresent(runs::add);
        }
        return runs;
    }

    @Override
    public String remove(StoreFilesystem fs, long pid) throws IOException {
        List<String> removed = new ArrayList<>();
        Path dir = mounts.of(pid);
        if (Files.isDirectory(dir) && StoreFilesystem.mounted(dir)) {
            SystemCommand.run(List.of("umount", dir.toString()));
            removed.add("unmounted " + dir);
        }
        if (mounts.delete(pid) && removed.isEmpty()) {
            removed.add("mount directory " + dir);
        }
        Volume volume = volume(fs);
        String name = volume.snapshotPrefix() + pid;
        String listed = SystemCommand.run(List.of("lvs", "--noheadings", "-o", "lv_name", volume.group()));
        if (listed.lines().map(String::strip).anyMatch(name::equals)) {
            SystemCommand.run(List.of("lvremove", "--quiet", "--yes", volume.group() + "/" + name));
            removed.add("LVM snapshot " + volume.group() + "/" + name);
        }
        return removed.isEmpty() ? null : String.join(", ", removed);
    }

    private static Volume volume(StoreFilesystem fs) throws IOException {
        String line;
        try {
            line = SystemCommand.run(List.of(
                            "lvs", "--noheadings", "--separator", "|", "-o", "vg_name,lv_name,segtype", fs.source()))
                    .strip();
        } catch (IOException e) {
            throw new IOException(
                    "--fs-snapshot lvm: the store's filesystem " + fs.source() + " (at " + fs.mountPoint()
                            + ") is not an LVM logical volume: " + e.getMessage(),
                    e);
        }
        String[] fields = line.split("\\|");
        if (fields.length != 3) {
            throw new IOException("--fs-snapshot lvm: cannot read lvs's answer for " + fs.source() + ": " + line);
        }
        return new Volume(
                fields[0].strip(), fields[1].strip(), fields[2].strip().equals("thin"));
    }
}
