package org.mailsnap.restore;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Counters a restore updates as it goes (folders walked, messages written by the workers); a renderer reads them on a
 * timer from another thread. The restore's result counts from the same counters.
 */
public final class RestoreProgress {
    final AtomicLong foldersTotal = new AtomicLong();
    final AtomicLong foldersDone = new AtomicLong();
    final AtomicLong messagesWritten = new AtomicLong();
    final AtomicLong bytesWritten = new AtomicLong();
    final AtomicLong messagesSkipped = new AtomicLong();

    public long foldersTotal() {
        return foldersTotal.get();
    }

    /** Folders whose messages are being or have been written. */
    public long foldersDone() {
        return foldersDone.get();
    }

    public long messagesWritten() {
        return messagesWritten.get();
    }

    public long bytesWritten() {
        return bytesWritten.get();
    }

    /** Messages not written: the mailbox has them already (merge), or an earlier run wrote them whole (resume). */
    public long messagesSkipped() {
        return messagesSkipped.get();
    }
}
