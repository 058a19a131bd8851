package org.mailsnap.catalog;

import java.time.Instant;
import java.util.Objects;

/**
 * A message as the search index knows it: header fields for matching, and the snapshots it was first and last seen
 * in. Header fields are null when the message has none.
 *
 * @param messageId     the Message-ID header (null when absent)
 * @param from          the From header, decoded (null when absent)
 * @param to            the To header, decoded (null when absent)
 * @param subject       the Subject header, decoded (null when absent)
 * @param date          the Date header (null when absent or unparseable)
 * @param firstSnapshot the first snapshot that holds the message
 * @param firstSeen     that snapshot's time
 * @param lastSnapshot  the last snapshot that held the message before it went away; null while it is still present
 * @param lastSeen      the last time a run saw the message
 * @param folder        the folder it was last seen in ({@code ""} for INBOX)
 * @param flags         its flags when last seen (the info part after {@code 2,}, verbatim)
 */
public record MessageInfo(String messageId, String from, String to, String subject, Instant date,
        String firstSnapshot, Instant firstSeen, String lastSnapshot, Instant lastSeen, String folder, String flags) {
    public MessageInfo {
        Objects.requireNonNull(firstSnapshot, "firstSnapshot");
        Objects.requireNonNull(firstSeen, "firstSeen");
        Objects.requireNonNull(lastSeen, "lastSeen");
        Objects.requireNonNull(folder, "folder");
        Objects.requireNonNull(flags, "flags");
    }

    /** True while the last run still saw the message. */
    public boolean present() {
        return lastSnapshot == null;
    }
}
