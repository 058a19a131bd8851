package org.mailsnap.restore;

import java.util.ArrayList;
import java.util.List;
import org.mailsnap.maildir.ModifiedUtf7;

/**
 * The folder of a live mailbox that {@code restore --as-folder NAME} writes a snapshot's folders under, so the user
 * opens it in the mail client and takes back what they want (what admins otherwise do with {@code doveadm import}).
 *
 * <p>{@code NAME} is written with {@code /} between levels ({@code Restored/2026-12-01 10:00}). On disk, in the
 * Maildir++ layout, it is the directory {@code .Restored.2026-12-01 10:00}: each level in modified UTF-7, joined by
 * {@code .}; the snapshot's INBOX becomes that folder and its {@code .Archive} becomes
 * {@code .Restored.2026-12-01 10:00.Archive}. A level may not be empty, nor hold {@code .} (the Maildir++ level
 * separator), nor start with {@code ~} or be {@code .}/{@code ..}.
 *
 * @param levels the name's levels as the user sees them
 */
record RestoreFolder(List<String> levels) {
    RestoreFolder {
        levels = List.copyOf(levels);
    }

    static RestoreFolder parse(String name) {
        List<String> levels = new ArrayList<>();
        for (String level : name.split("/", -1)) {
            if (level.isEmpty()
                    || level.indexOf('.') >= 0
                    || level.startsWith("~")
                    || level.indexOf('\0') >= 0
                    || level.indexOf('\n') >= 0
                    || level.indexOf('\r') >= 0
                    || level.indexOf('\t') >= 0) {
                throw new IllegalArgumentException("cannot restore into the folder '" + name + "': each level"
                        + " between '/' must be non-empty, without '.', tab or line breaks, and not start with '~'");
            }
            levels.add(level);
        }
        if (levels.size() == 1 && levels.get(0).equalsIgnoreCase("INBOX")) {
            throw new IllegalArgumentException("cannot restore into INBOX as a new folder: choose another name");
        }
        return new RestoreFolder(levels);
    }

    /** The Maildir++ directory of the top folder, relative to the mailbox root: {@code .Level1.Level2}. */
    String directory() {
        return "." + String.join(".", encodedLevels());
    }

    /** The directory for a snapshot folder ({@code ""} for INBOX, {@code .Archive}) under the restore folder. */
    String directoryOf(String snapshotFolder) {
        return directory() + snapshotFolder;
    }

    /** The storage levels of a snapshot folder under the restore folder, for the subscriptions file. */
    List<String> storageLevels(String snapshotFolder) {
        List<String> all = new ArrayList<>(encodedLevels());
        if (!snapshotFolder.isEmpty()) {
            all.addAll(List.of(snapshotFolder.substring(1).split("\\.", -1)));
        }
        return all;
    }

    private List<String> encodedLevels() {
        return levels.stream().map(ModifiedUtf7::encode).toList();
    }

    @Override
    public String toString() {
        return String.join("/", levels);
    }
}
