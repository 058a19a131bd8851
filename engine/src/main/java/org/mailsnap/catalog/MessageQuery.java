package org.mailsnap.catalog;

import java.time.Instant;

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
        String onlyIn) {
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
        return new MessageQuery(null, null, null, null, null, null, null, null, DEFAULT_LIMIT, null);
    }

    public MessageQuery withMessageId(String v) {
        return new MessageQuery(v, from, to, subject, since, until, mailbox, guid, limit, onlyIn);
    }

    public MessageQuery withFrom(String v) {
        return new MessageQuery(messageId, v, to, subject, since, until, mailbox, guid, limit, onlyIn);
    }

    public MessageQuery withTo(String v) {
        return new MessageQuery(messageId, from, v, subject, since, until, mailbox, guid, limit, onlyIn);
    }

    public MessageQuery withSubject(String v) {
        return new MessageQuery(messageId, from, to, v, since, until, mailbox, guid, limit, onlyIn);
    }

    public MessageQuery withSince(Instant v) {
        return new MessageQuery(messageId, from, to, subject, v, until, mailbox, guid, limit, onlyIn);
    }

    public MessageQuery withUntil(Instant v) {
        return new MessageQuery(messageId, from, to, subject, since, v, mailbox, guid, limit, onlyIn);
    }

    public MessageQuery withMailbox(String v) {
        return new MessageQuery(messageId, from, to, subject, since, until, v, guid, limit, onlyIn);
    }

    public MessageQuery withGuid(String v) {
        return new MessageQuery(messageId, from, to, subject, since, until, mailbox, v, limit, onlyIn);
    }

    public MessageQuery withLimit(int v) {
        return new MessageQuery(messageId, from, to, subject, since, until, mailbox, guid, v, onlyIn);
    }

    public MessageQuery withOnlyIn(String snapshotId) {
        return new MessageQuery(messageId, from, to, subject, since, until, mailbox, guid, limit, snapshotId);
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
