package org.mailsnap.backup;

import java.util.List;
import org.mailsnap.model.SnapshotId;
import org.mailsnap.repository.BlobStoreStats;
import org.mailsnap.snapshot.Snapshot;

/**
 * What a backup run did.
 *
 * @param snapshotId the new snapshot's id
 * @param snapshot   the snapshot as written
 * @param blobs      the blob store's figures for the run (new and deduplicated blobs, bytes stored)
 * @param progress   the run's counters (messages read, renamed, moved, gone…)
 * @param problems   each thing an operator should know (a mailbox that could not be locked, an unreadable file, a
 *                   message changed in place, a symbolic link not followed, a store that shrank…), in the order the
 *                   run reported them
 * @param shrank     the store held fewer than half the messages of its previous snapshot (and that was not
 *                   allowed): the new snapshot may be of an unmounted or partly missing store
 */
public record BackupResult(
        SnapshotId snapshotId,
        Snapshot snapshot,
        BlobStoreStats blobs,
        BackupProgress progress,
        List<BackupProblem> problems,
        boolean shrank) {
    public BackupResult {
        problems = List.copyOf(problems);
    }

    /**
     * True when some mailbox, folder or file could not be backed up, or the store shrank (exit code 3): something
     * an operator must look at, although a snapshot was saved. See {@link BackupProblem#partial()}.
     */
    public boolean partial() {
        return problems.stream().anyMatch(BackupProblem::partial);
    }
}
