package org.mailsnap.catalog;

import java.util.Objects;
import org.mailsnap.model.MessageContent;
import org.mailsnap.model.Placement;

/**
 * One message file of a folder as the last run saw it, with its content, so that a changed folder's manifest is
 * re-encoded from the catalog alone.
 *
 * @param base       the message's base: its file name up to the flags separator
 * @param name       the file name verbatim; it starts with {@code base} (the catalog stores only the rest)
 * @param guid       Dovecot's GUID when the folder's uidlist records one other than the base, else empty
 * @param inCur      true for {@code cur/}, false for {@code new/}
 * @param mtimeNanos the file's modification time, nanoseconds since the epoch
 * @param content    the message's blobs
 */
public record PlacementRecord(
        String base, String name, String guid, boolean inCur, long mtimeNanos, MessageContent content) {
    public PlacementRecord {
        Objects.requireNonNull(base, "base");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(guid, "guid");
        Objects.requireNonNull(content, "content");
        if (base.isEmpty() || base.indexOf('\0') >= 0) {
            throw new IllegalArgumentException("bad message base '" + base + "'");
        }
        if (!name.startsWith(base)) {
            throw new IllegalArgumentException("file name '" + name + "' does not start with its base '" + base + "'");
        }
        if (guid.equals(base)) {
            guid = ""; // one form: empty means the base
        }
    }

    /** A placement whose GUID is its base. */
    public PlacementRecord(String base, String name, boolean inCur, long mtimeNanos, MessageContent content) {
        this(base, name, "", inCur, mtimeNanos, content);
    }

    /** The placement this record describes. */
    public Placement placement() {
        return new Placement(name, guid, inCur, mtimeNanos, content);
    }

    /** The message's identity: its GUID. */
    public String identity() {
        return guid.isEmpty() ? base : guid;
    }
}
