package org.mailsnap.catalog;

import java.util.Locale;
import org.mailsnap.model.SnapshotId;

/** A {@link MessageQuery} prepared for scanning many entries: needles lower-cased once. */
final class MessageMatcher {
    private final MessageQuery query;
    private final String messageId;
    private final String from;
    private final String to;
    private final String subject;

    MessageMatcher(MessageQuery query) {
        this.query = query;
        this.messageId = query.messageId() == null ? null : MessageQuery.normalizeMessageId(query.messageId());
        this.from = lower(query.from());
        this.to = lower(query.to());
        this.subject = lower(query.subject());
    }

    boolean matches(String mailbox, String guid, MessageInfo info) {
        return (query.mailbox() == null || query.mailbox().equals(mailbox))
                && (query.guid() == null || query.guid().equals(guid))
                && (messageId == null || messageId.equals(MessageQuery.normalizeMessageId(info.messageId())))
                && contains(info.from(), from)
                && contains(info.to(), to)
                && contains(info.subject(), subject)
                && (query.since() == null
                        || (info.date() != null && !info.date().isBefore(query.since())))
                && (query.until() == null || (info.date() != null && info.date().isBefore(query.until())))
                && (query.onlyIn() == null || heldOnlyBy(info, query.onlyIn()))
                && (query.goneSince() == null
                        || (!info.present()
                                && MessageQuery.goneBySince(info.goneBy().getEpochSecond(), query.goneSince())));
    }

    /**
     * The snapshot was the last to hold the message, and also the first: a backup records the first snapshot by
     * its time ({@link MessageInfo#SNAPSHOT_NOT_SAVED_YET} while it runs), and a message gone after snapshot S was
     * last seen at S's time, so first and last are the same snapshot exactly when the two times are equal.
     */
    private static boolean heldOnlyBy(MessageInfo info, SnapshotId snapshotId) {
        return snapshotId.hex().equals(info.lastSnapshot()) && info.firstSeen().equals(info.lastSeen());
    }

    private static boolean contains(String haystack, String lowerNeedle) {
        return lowerNeedle == null
                || (haystack != null && haystack.toLowerCase(Locale.ROOT).contains(lowerNeedle));
    }

    private static String lower(String s) {
        return s == null ? null : s.toLowerCase(Locale.ROOT);
    }
}
