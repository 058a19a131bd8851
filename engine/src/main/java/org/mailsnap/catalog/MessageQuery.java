package org.mailsnap.catalog;

import java.time.Instant;
import org.mailsnap.model.SnapshotId;

/**
 * A search over the message index. Every criterion that is set must match; unset (null) ones match anything.
 * Build from {@link #all()} with the {@code with…} methods.
 *
 * @param messageId exact Message-ID; surrounding angle brackets and blanks are ignored on both sides
 * @param from      case-insensitive substring of From
 * @param to        case-insensitive substring of To
 * @param subject   case-insensitive substring of Subject
 * @param since     Date header at or after this instant (messages without a Date do not match)
 * @param until     Date header strictly before this instant (messages without a Date do not match)
 * @param mailbox   exactly this mailbox
 * @param guid      exactly this Dovecot GUID (the base, unless the uidlist recorded another)
 * @param limit     at most this many hits, in index order (mailbox, then GUID)
 * @param onlyIn    held by this snapshot id alone: the first and the last snapshot that held it (mail that came
 *                  and went between two backups, which is lost with that snapshot)
 * @param goneSince   went away (left every folder of its mailbox) at or after this instant: found gone by a run at
 *                  or after it, compared to the second ({@link MessageInfo#goneBy()}, the ledger's {@code GoneBy}),
 *                  so that {@code find --deleted-since} selects what {@code restore --deleted-since} restores
 */
public record MessageQuery(
        String messageId,
        String from,
        String to,
        String subject,
        Instant since,
        Instant until,
        String mailbox,
        String guid,
        int limit,
        SnapshotId onlyIn,
        Instant goneSince) {
    public static final int DEFAULT_LIMIT = 1000;

    public MessageQuery {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be positive, got " + limit);
        }
        if (messageId != null && normalizeMessageId(messageId).isEmpty()) {
            throw new IllegalArgumentException("empty Message-ID in query: '" + messageId + "'");
        }
    }

    public static MessageQuery all() {
        return new MessageQuery(null, null, null, null, null, null, null, null, DEFAULT_LIMIT, null, null);
    }

    public MessageQuery withMessageId(String v) {
        return new MessageQuery(v, from, to, subject, since, until, mailbox, guid, limit, onlyIn, goneSince);
    }

    public MessageQuery withFrom(String v) {
        return new MessageQuery(messageId, v, to, subject, since, until, mailbox, guid, limit, onlyIn, goneSince);
    }

    public MessageQuery withTo(String v) {
        return new MessageQuery(messageId, from, v, subject, since, until, mailbox, guid, limit, onlyIn, goneSince);
    }

    public MessageQuery withSubject(String v) {
        return new MessageQuery(messageId, from, to, v, since, until, mailbox, guid, limit, onlyIn, goneSince);
    }

    public MessageQuery withSince(Instant v) {
        return new MessageQuery(messageId, from, to, subject, v, until, mailbox, guid, limit, onlyIn, goneSince);
    }

    public MessageQuery withUntil(Instant v) {
        return new MessageQuery(messageId, from, to, subject, since, v, mailbox, guid, limit, onlyIn, goneSince);
    }

    public MessageQuery withMailbox(String v) {
        return new MessageQuery(messageId, from, to, subject, since, until, v, guid, limit, onlyIn, goneSince);
    }

    public MessageQuery withGuid(String v) {
        return new MessageQuery(messageId, from, to, subject, since, until, mailbox, v, limit, onlyIn, goneSince);
    }

    public MessageQuery withLimit(int v) {
        return new MessageQuery(messageId, from, to, subject, since, until, mailbox, guid, v, onlyIn, goneSince);
    }

    public MessageQuery withOnlyIn(SnapshotId snapshotId) {
        return new MessageQuery(
                messageId, from, to, subject, since, until, mailbox, guid, limit, snapshotId, goneSince);
    }

    public MessageQuery withGoneSince(Instant v) {
        return new MessageQuery(messageId, from, to, subject, since, until, mailbox, guid, limit, onlyIn, v);
    }

    /**
     * The rule of {@code goneSince}, shared with {@code restore --deleted-since}: found gone by
     * {@code goneBySeconds}, which is at or after {@code since} compared to the second.
     */
    public static boolean goneBySince(long goneBySeconds, Instant since) {
        return goneBySeconds >= since.getEpochSecond();
    }

    /** The form Message-IDs are compared and indexed in: without blanks and angle brackets around it. */
    static String normalizeMessageId(String id) {
        if (id == null) {
            return "";
        }
        String s = id.strip();
        if (s.startsWith("<") && s.endsWith(">") && s.length() >= 2) {
            s = s.substring(1, s.length() - 1).strip();
        }
        return s;
    }
}
