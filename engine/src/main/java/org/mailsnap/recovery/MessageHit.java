package org.mailsnap.recovery;

import java.util.Objects;
import org.mailsnap.catalog.MessageInfo;
import org.mailsnap.catalog.SnapshotSummary;

/**
 * One search hit with the snapshots that hold it: restore it from {@link #restoreFrom()} with
 * {@code restore --snapshot <id> --mailbox <mailbox> --message <guid>}.
 *
 * @param mailbox       the mailbox
 * @param guid          the message's Dovecot GUID: its base, unless the uidlist recorded another
 * @param info          what the search index knows (header fields, folder and flags when last seen, when it was
 *                      found gone)
 * @param firstSnapshot the first snapshot holding the message; null when no completed snapshot does yet (a run
 *                      that stored it was interrupted) or it was forgotten and no later one is known to hold it
 * @param lastSnapshot  the last snapshot holding it: the store's latest for a message still present; null when
 *                      unknown (forgotten)
 * @param ledger        for a message whose last snapshot was forgotten: the snapshot carrying the store's
 *                      deleted-mail ledger that keeps it ({@code restore --message} on it restores from the
 *                      ledger); else null
 */
public record MessageHit(
        String mailbox,
        String guid,
        MessageInfo info,
        SnapshotSummary firstSnapshot,
        SnapshotSummary lastSnapshot,
        SnapshotSummary ledger) {
    public MessageHit {
        Objects.requireNonNull(mailbox, "mailbox");
        Objects.requireNonNull(guid, "guid");
        Objects.requireNonNull(info, "info");
        if (ledger != null && lastSnapshot != null) {
            throw new IllegalArgumentException("a hit kept by a snapshot needs no ledger: " + guid);
        }
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

    /** The snapshot to name in {@code restore --snapshot}: the last holding it, else the ledger's; null if none. */
    public SnapshotSummary restoreFrom() {
        return ledger != null ? ledger : lastSnapshot;
    }
}
