package org.mailsnap.check;

import org.mailsnap.concurrent.Completion;
import org.mailsnap.concurrent.Counter;

/**
 * Counters a check updates as it goes (index files with their packs, then snapshots); a renderer reads them on a
 * timer from another thread.
 */
public final class CheckProgress {
    /** Index files; done: those whose packs are being or have been checked (headers, or read whole when selected). */
    public final Completion indexFiles = new Completion();
    /** Packs read whole and verified blob by blob ({@code --read-data}). */
    public final Counter packsRead = new Counter();

    public final Counter blobsRead = new Counter();
    /** Snapshots; done: those whose trees and manifests are being or have been walked. */
    public final Completion snapshots = new Completion();
}
