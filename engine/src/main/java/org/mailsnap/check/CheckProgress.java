package org.mailsnap.check;

import org.mailsnap.concurrent.Counter;

/**
 * Counters a check updates as it goes (index files with their packs, then snapshots); a renderer reads them on a
 * timer from another thread.
 */
public final class CheckProgress {
    public final Counter indexFilesTotal = new Counter();
    /** Index files whose packs are being or have been checked (headers, or read whole when selected). */
    public final Counter indexFilesDone = new Counter();
    /** Packs read whole and verified blob by blob ({@code --read-data}). */
    public final Counter packsRead = new Counter();

    public final Counter blobsRead = new Counter();
    public final Counter snapshotsTotal = new Counter();
    /** Snapshots whose trees and manifests are being or have been walked. */
    public final Counter snapshotsDone = new Counter();
}
