package org.mailsnap.diff;

import java.util.Objects;
import org.mailsnap.catalog.MessageInfo;

/**
 * One message that differs between two snapshots.
 *
 * @param kind    added, expunged, moved or flags changed
 * @param mailbox its mailbox
 * @param guid    its Dovecot GUID (its base unless the uidlist recorded another)
 * @param before  where and how it was in the first snapshot; null when added
 * @param after   where and how it is in the second; null when expunged
 * @param info    what the catalog's search index knows of it (Date, From, Subject); null when it has no entry
 */
public record Change(
        Kind kind, String mailbox, String guid, MessageState before, MessageState after, MessageInfo info) {
    public enum Kind {
        /** In the second snapshot only. */
        ADDED,
        /** In the first snapshot only. */
        EXPUNGED,
        /** Its GUID left one folder and arrived in another of the same mailbox (or took a new base). */
        MOVED,
        /** Same folder and base, another name or place: flags, keywords, {@code new/}→{@code cur/}. */
        FLAGS_CHANGED
    }

    public Change {
        Objects.requireNonNull(kind, "kind");
        if ((before == null) != (kind == Kind.ADDED) || (after == null) != (kind == Kind.EXPUNGED)) {
            throw new IllegalArgumentException(kind + " with before " + before + " and after " + after);
        }
    }

    /** The state to describe the message by: the later one, or the last one it had. */
    public MessageState latest() {
        return after != null ? after : before;
    }
}
