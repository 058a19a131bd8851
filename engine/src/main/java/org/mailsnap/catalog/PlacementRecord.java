package org.mailsnap.catalog;

import java.util.Objects;

/**
 * One message file of a folder as the last run saw it (its content is looked up by base, per mailbox).
 *
 * @param base       the message's base: its file name up to the flags separator
 * @param name       the file name verbatim; it starts with {@code base} (the catalog stores only the rest)
 * @param inCur      true for {@code cur/}, false for {@code new/}
 * @param mtimeNanos the file's modification time, nanoseconds since the epoch
 */
public record PlacementRecord(String base, String name, boolean inCur, long mtimeNanos) {
    public PlacementRecord {
        Objects.requireNonNull(base, "base");
        Objects.requireNonNull(name, "name");
        if (base.isEmpty() || base.indexOf('\0') >= 0) {
            throw new IllegalArgumentException("bad message base '" + base + "'");
        }
        if (!name.startsWith(base)) {
            throw new IllegalArgumentException("file name '" + name + "' does not start with its base '" + base + "'");
        }
    }
}
