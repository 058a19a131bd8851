package org.mailsnap.diff;

import java.util.List;
import org.mailsnap.model.Placement;

/**
 * A message as one snapshot holds it.
 *
 * @param folder    its folder ({@code ""} for INBOX)
 * @param base      its base in that snapshot (a move back into a folder that knew it changes it, not the GUID)
 * @param placement its file name, {@code new/} or {@code cur/}, mtime and size
 * @param flags     its flags in words ({@link org.mailsnap.maildir.FlagWords}), keywords by the names the folder's
 *                  {@code dovecot-keywords} gave them in that snapshot
 */
public record MessageState(String folder, String base, Placement placement, List<String> flags) {
    public MessageState {
        flags = List.copyOf(flags);
    }
}
