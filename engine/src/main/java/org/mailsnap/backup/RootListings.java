package org.mailsnap.backup;

import java.io.IOException;
import java.util.Map;
import org.mailsnap.maildir.MailboxRootListing;

/**
 * The mailbox root listings of a run ({@link MailboxRootListing}): those the catalog held when it began, which the
 * finder was given, and those the finder says to keep. After each mailbox the catalog is brought in step, in the
 * run's transaction: a mailbox whose backup reported any problem (a folder vanished, could not be read, a link
 * appeared) is forgotten, so the next run reads its root again instead of trusting a listing it could not confirm.
 *
 * @param before by mailbox name, what the catalog held
 * @param now    by mailbox name, what the finder says to keep
 */
record RootListings(Map<String, MailboxRootListing> before, Map<String, MailboxRootListing> now) {
    /** Keeps the mailbox's new listing when its backup was {@code clean}, else forgets it; writes only a change. */
    void keep(RunState run, String mailbox, boolean clean) throws IOException {
        MailboxRootListing listing = clean ? now.get(mailbox) : null;
        MailboxRootListing old = before.get(mailbox);
        if (listing == null) {
            if (old != null) {
                run.deleteMailboxRoot(mailbox);
            }
        } else if (!listing.equals(old)) {
            run.putMailboxRoot(mailbox, listing);
        }
    }

    /** Forgets the listing of a mailbox that is gone from the store. */
    void forget(RunState run, String mailbox) throws IOException {
        if (before.containsKey(mailbox)) {
            run.deleteMailboxRoot(mailbox);
        }
    }
}
