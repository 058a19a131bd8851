package org.mailsnap.walk;

import org.mailsnap.model.BaseNames;
import org.mailsnap.model.FolderKey;
import org.mailsnap.model.Placement;

/**
 * The part of a snapshot a command works on: a mailbox, a folder, one message, or everything.
 *
 * @param mailbox the mailbox as named in the snapshot, or null for every mailbox
 * @param folder  the folder as in the tree ({@code ""} for INBOX, {@code .Sent}), or null for every folder
 * @param message one message's base or Dovecot GUID, or null for every message
 */
public record Selection(String mailbox, String folder, String message) {
    /** The whole snapshot. */
    public static final Selection ALL = new Selection(null, null, null);

    /** True when the folder is selected (its messages may still be narrowed by {@link #message}). */
    public boolean holds(FolderKey key) {
        return (mailbox == null || mailbox.equals(key.mailbox())) && (folder == null || folder.equals(key.folder()));
    }

    /** True when the placement is selected: every one, or the one whose base or GUID is {@link #message}. */
    public boolean holds(Placement p, BaseNames bases) {
        if (message == null) {
            return true;
        }
        String base = bases.baseOf(p.name());
        return message.equals(base) || message.equals(p.identity(base));
    }

    /** How an error names it: {@code mailbox 'M' folder '.Sent'}. */
    String described() {
        return (mailbox == null ? "" : "mailbox '" + mailbox + "'")
                + (folder == null
                        ? ""
                        : (mailbox == null ? "" : " ") + "folder '" + (folder.isEmpty() ? "INBOX" : folder) + "'");
    }
}
