package org.mailsnap.restore;

import java.nio.file.Path;
import org.mailsnap.walk.Selection;

/**
 * What to restore and where.
 *
 * @param mailbox the mailbox as named in the snapshot, or null for every mailbox (each under
 *                {@code target/<mailbox>})
 * @param folder  one folder ({@code ""} for INBOX, {@code .Sent}), or null for all of them
 * @param base    one message's base, or null for all messages
 * @param target  the directory: the mailbox root when {@code mailbox} is set
 * @param mode     empty target, merge, or a new folder
 * @param asFolder with {@link RestoreMode#AS_FOLDER}: the new folder's name as the user sees it, levels separated by
 *                 {@code /} ({@code Restored/2026-12-01 10:00}); null otherwise
 */
public record RestoreRequest(
        String mailbox, String folder, String base, Path target, RestoreMode mode, String asFolder) {
    public RestoreRequest {
        if (mode != RestoreMode.EMPTY_TARGET && mailbox == null) {
            throw new IllegalArgumentException(
                    "a " + (mode == RestoreMode.MERGE ? "merge" : "restore as a folder") + " needs one mailbox");
        }
        if ((mode == RestoreMode.AS_FOLDER) != (asFolder != null)) {
            throw new IllegalArgumentException("a folder name goes with, and only with, a restore as a folder");
        }
        if (asFolder != null) {
            RestoreFolder.parse(asFolder); // fails fast with the reason
        }
    }

    public RestoreRequest(String mailbox, String folder, String base, Path target, RestoreMode mode) {
        this(mailbox, folder, base, target, mode, null);
    }

    /** The part of a snapshot (or of a deleted-mail ledger) it restores. */
    public Selection selection() {
        return new Selection(mailbox, folder, base);
    }
}
