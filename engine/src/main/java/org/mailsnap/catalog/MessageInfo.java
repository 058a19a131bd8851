package org.mailsnap.catalog;

import java.time.Instant;
import java.util.Objects;
import org.mailsnap.mail.HeaderFields;

/**
 * A message as the search index knows it: header fields for matching, and the snapshots it was first and last seen
 * in. Header fields are null when the message has none.
 *
 * <p>Backups and {@code catalog rebuild} both write entries only through the operations below
 * ({@link #firstSeen}, {@link #seenIn}, {@link #goneAfter}), so that a rebuilt index cannot match or place a message
 * differently from the one backups built.
 *
 * @param messageId     the Message-ID header (null when absent)
 * @param from          the From header, decoded (null when absent)
 * @param to            the To and Cc headers, decoded and joined with {@code ", "} (null when both are absent)
 * @param subject       the Subject header, decoded (null when absent)
 * @param date          the Date header (null when absent or unparseable)
 * @param firstSnapshot the first snapshot that holds the message, or {@link #SNAPSHOT_NOT_SAVED_YET}
 * @param firstSeen     that snapshot's time
 * @param lastSnapshot  the last snapshot that held the message before it went away, or {@link #NO_KNOWN_SNAPSHOT};
 *                      null while it is still present
 * @param lastSeen      the last time a run saw the message: while it is present, the last run that recorded a change
 *                      of it; once it went away, the time of the last snapshot that held it
 * @param goneBy        null while it is present; once it went away, the time of the first run (snapshot) after
 *                      {@code lastSeen} that found it in no folder of its mailbox: it left after {@code lastSeen}, at
 *                      or before {@code goneBy} (the ledger's {@code GoneBy}, format-spec/snapshots.md)
 * @param folder        the folder it was last seen in ({@code ""} for INBOX)
 * @param flags         its flags when last seen (the info part after {@code 2,}, verbatim)
 */
public record MessageInfo(
        String messageId,
        String from,
        String to,
        String subject,
        Instant date,
        String firstSnapshot,
        Instant firstSeen,
        String lastSnapshot,
        Instant lastSeen,
        Instant goneBy,
        String folder,
        String flags) {
    /**
     * The first snapshot of a message a running backup indexes: the snapshot gets its id only when it is saved, after
     * the message was indexed; {@code firstSeen} (the run's start, which is the snapshot's time) finds it.
     */
    public static final String SNAPSHOT_NOT_SAVED_YET = "";

    /**
     * The last snapshot of a message that went away when no snapshot id is known to hold it: it went away before its
     * store had any saved snapshot (a first run killed after a checkpoint recorded it), or a rebuilt catalog knows
     * it from a deleted-mail ledger only (the ledger does not name the snapshots it was found in, which were
     * forgotten).
     */
    public static final String NO_KNOWN_SNAPSHOT = "?";

    public MessageInfo {
        Objects.requireNonNull(firstSnapshot, "firstSnapshot");
        Objects.requireNonNull(firstSeen, "firstSeen");
        Objects.requireNonNull(lastSeen, "lastSeen");
        Objects.requireNonNull(folder, "folder");
        Objects.requireNonNull(flags, "flags");
        if ((lastSnapshot == null) != (goneBy == null)) {
            throw new IllegalArgumentException(
                    "a message gone has both a last snapshot and a gone-by time, one present neither: " + lastSnapshot
                            + ", " + goneBy);
        }
    }

    /**
     * A message indexed for the first time, present.
     *
     * @param headers  its header fields
     * @param snapshot the snapshot that holds it first ({@link #SNAPSHOT_NOT_SAVED_YET} for a running backup's)
     * @param time     that snapshot's time
     */
    public static MessageInfo firstSeen(
            HeaderFields headers, String snapshot, Instant time, String folder, String flags) {
        String to = headers.cc().isEmpty()
                ? headers.to()
                : headers.to().isEmpty() ? headers.cc() : headers.to() + ", " + headers.cc();
        return new MessageInfo(
                orNull(headers.messageId()),
                orNull(headers.from()),
                orNull(to),
                orNull(headers.subject()),
                headers.date(),
                snapshot,
                time,
                null,
                time,
                null,
                folder,
                flags);
    }

    /** This message present at {@code time}, in {@code folder} with {@code flags} (also when it had gone away). */
    public MessageInfo seenIn(Instant time, String folder, String flags) {
        return new MessageInfo(
                messageId, from, to, subject, date, firstSnapshot, firstSeen, null, time, null, folder, flags);
    }

    /**
     * This message gone from every folder of its mailbox, in the folder and with the flags it was last seen with:
     * {@code snapshot}, taken at {@code lastSeen}, is the last that holds it ({@link #NO_KNOWN_SNAPSHOT} when no
     * id is known), and the run (snapshot) at {@code goneBy} is the first that found it nowhere.
     */
    public MessageInfo goneAfter(String snapshot, Instant lastSeen, Instant goneBy) {
        Objects.requireNonNull(goneBy, "goneBy"); // then the constructor requires the snapshot and lastSeen too
        return new MessageInfo(
                messageId,
                from,
                to,
                subject,
                date,
                firstSnapshot,
                firstSeen,
                snapshot,
                lastSeen,
                goneBy,
                folder,
                flags);
    }

    /**
     * True when this message went away, and that departure (last seen, gone by; compared to the second, the
     * precision of a deleted-mail ledger) is earlier than one last seen at {@code lastSeenSeconds} and gone by
     * {@code goneBySeconds}: the order of {@code GonePlacement.BY_DEPARTURE}, by last-seen time first.
     */
    public boolean leftBefore(long lastSeenSeconds, long goneBySeconds) {
        if (present()) {
            return false;
        }
        long seen = lastSeen.getEpochSecond();
        return seen < lastSeenSeconds || (seen == lastSeenSeconds && goneBy.getEpochSecond() < goneBySeconds);
    }

    /** True while the last run still saw the message. */
    public boolean present() {
        return lastSnapshot == null;
    }

    private static String orNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }
}
