package org.mailsnap.recovery;

import java.util.Objects;
import org.mailsnap.catalog.MessageInfo;
import org.mailsnap.catalog.SnapshotSummary;

/**
 * One search hit with the snapshots that hold it: restore it from {@code lastSnapshot} with
 * {@code restore --snapshot <id> --mailbox <mailbox> --message <guid>}.
 *
 * @param mailbox       the mailbox
 * @param guid          the message's Dovecot GUID: its base, unless the uidlist recorded another
 * @param info          what the search index knows (header fields, folder and flags when last seen)
 * @param firstSnapshot the first snapshot holding the message; null when no completed snapshot does yet (a run
 *                      that stored it was interrupted) or it was pruned and no later one is known
 * @param lastSnapshot  the last snapshot holding it: the store's latest for a message still present; null when
 *                      unknown (pruned)
 */
public record MessageHit(
        String mailbox, String guid, MessageInfo info, SnapshotSummary firstSnapshot, SnapshotSummary lastSnapshot) {
    public MessageHit {
        Objects.requireNonNull(mailbox, "mailbox");
        Objects.requireNonNull(guid, "guid");
        Objects.requireNonNull(info, "info");
    }

    /** The folder it was last seen in ({@code ""} for INBOX). */
    public String folder() {
        return info.folder();
    }

    /** Its flags when last seen (the letters after {@code 2,}). */
    public String flags() {
        return info.flags();
    }

    /** True while the store's latest snapshot still holds it. */
    public boolean present() {
        return info.present();
    }
}
