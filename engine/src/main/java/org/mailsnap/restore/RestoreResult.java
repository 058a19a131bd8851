package org.mailsnap.restore;

import java.util.List;

/**
 * What a restore did.
 *
 * @param folders        folders written to
 * @param messages       message files written
 * @param bytes          their bytes
 * @param skipped        messages not written because their base is already in the mailbox (merge)
 * @param controlFiles   control files written
 * @param notes          one line per noteworthy event (a keyword that could not be mapped, a skipped base…)
 */
public record RestoreResult(long folders, long messages, long bytes, long skipped, long controlFiles,
                            List<String> notes) {
    public RestoreResult {
        notes = List.copyOf(notes);
    }
}
