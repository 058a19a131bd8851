package org.mailsnap.cli;

import java.util.List;
import org.mailsnap.catalog.SnapshotSummary;
import org.mailsnap.recovery.MessageHit;

/**
 * One {@code find} hit as printed: the hit and its flags in words, keywords by the names of the folder's
 * {@code dovecot-keywords} in the hit's last snapshot ({@link org.mailsnap.recovery.HitFlagWords}), and how to restore it.
 */
record FindHit(MessageHit hit, List<String> flagWords) {
    /**
     * The arguments after {@code mailsnap} that put the message back (into a {@code --target} to add):
     * {@code restore --snapshot ID --mailbox M --message GUID}, with the last snapshot holding it, or the snapshot
     * carrying the deleted-mail ledger that keeps it (restore falls back to the ledger when the snapshot lacks the
     * message); null when neither is known.
     */
    List<String> restoreArguments() {
        SnapshotSummary from = hit.restoreFrom();
        if (from == null) {
            return null;
        }
        return List.of("restore", "--snapshot", from.id().hex(), "--mailbox", hit.mailbox(), "--message", hit.guid());
    }
}
