package org.mailsnap.restore;

import java.util.List;

/**
 * What a restore did.
 *
 * @param folders        folders written to
 * @param messages       message files written
 * @param bytes          their bytes
 * @param skipped        messages not written because their base is already in the mailbox (merge) or because an
 *                       interrupted restore completed them already (resume)
 * @param controlFiles   control files written
 * @param notes          one line per noteworthy event (a keyword that could not be mapped, a skipped base…)
 * @param failures       one line per file or folder not restored (content the repository could not give back, a
 *                       symbolic link where a folder or {@code cur/ new/ tmp/} should be): a partial restore
 */
public record RestoreResult(
        long folders,
        long messages,
        long bytes,
        long skipped,
        long controlFiles,
        List<String> notes,
        List<String> failures) {
    public RestoreResult {
        notes = List.copyOf(notes);
        failures = List.copyOf(failures);
    }

    /** True when something was not restored; every such thing is in {@link #failures}. */
    public boolean partial() {
        return !failures.isEmpty();
    }
}
