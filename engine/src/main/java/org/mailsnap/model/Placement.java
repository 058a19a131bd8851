package org.mailsnap.model;

/**
 * Where a message sits at one moment.
 *
 * @param name       the file name verbatim: base, and where present the separator and info ({@code 2,FRSa})
 * @param guid       Dovecot's GUID of the message when it is not the base (the {@code G} extension of its
 *                   {@code dovecot-uidlist} record: a message moved back into a folder that knew its base gets a new
 *                   base and keeps its GUID); empty when the GUID is the base, as for almost every message
 * @param inCur      true for {@code cur/}, false for {@code new/}
 * @param mtimeNanos the file's modification time in nanoseconds since the epoch (IMAP INTERNALDATE)
 * @param content    the message's bytes as blobs
 */
public record Placement(String name, String guid, boolean inCur, long mtimeNanos, MessageContent content) {
    public Placement {
        if (guid == null) {
            throw new IllegalArgumentException("null guid for " + name + " (empty means: the base)");
        }
    }

    /** A placement whose GUID is its base. */
    public Placement(String name, boolean inCur, long mtimeNanos, MessageContent content) {
        this(name, "", inCur, mtimeNanos, content);
    }

    /** The message's identity: its GUID, which is its base unless the uidlist recorded another. */
    public String identity(String base) {
        return guid.isEmpty() ? base : guid;
    }

    /** The same message at another name or place (a rename: flags, {@code new/}→{@code cur/}, a move). */
    public Placement at(String newName, String newGuid, boolean newInCur) {
        return new Placement(newName, newGuid, newInCur, mtimeNanos, content);
    }
}
