package org.mailsnap.restore;

import java.nio.file.Path;

/**
 * What to restore and where.
 *
 * @param mailbox the mailbox as named in the snapshot, or null for every mailbox (each under
 *                {@code target/<mailbox>})
 * @param folder  one folder ({@code ""} for INBOX, {@code .Sent}), or null for all of them
 * @param base    one message's base, or null for all messages
 * @param target  the directory: the mailbox root when {@code mailbox} is set
 * @param mode    empty target or merge
 */
public record RestoreRequest(String mailbox, String folder, String base, Path target, RestoreMode mode) {
    public RestoreRequest {
        if (mode == RestoreMode.MERGE && mailbox == null) {
            throw new IllegalArgumentException("a merge restore needs one mailbox");
        }
    }
}
