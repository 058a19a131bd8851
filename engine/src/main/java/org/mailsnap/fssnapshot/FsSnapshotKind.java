package org.mailsnap.fssnapshot;

import java.util.Locale;

/** How a filesystem snapshot is made: the {@code --fs-snapshot} values. */
public enum FsSnapshotKind {
    BTRFS,
    LVM,
    ZFS,
    COMMAND;

    /** The kind named {@code name} (case-insensitive); an {@link IllegalArgumentException} naming the choices. */
    public static FsSnapshotKind parse(String name) {
        try {
            return valueOf(name.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("must be btrfs, lvm, zfs or command, not " + name);
        }
    }

    /** The name as the option spells it. */
    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }
}
