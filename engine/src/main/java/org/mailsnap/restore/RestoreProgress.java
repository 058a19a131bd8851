package org.mailsnap.restore;

import org.mailsnap.concurrent.Completion;
import org.mailsnap.concurrent.Counter;

/**
 * Counters a restore updates as it goes (folders walked, messages written by the workers); a renderer reads them on a
 * timer from another thread. The restore's result counts from the same counters.
 */
public final class RestoreProgress {
    /** Folders; done: those whose messages are being or have been written. */
    public final Completion folders = new Completion();

    public final Counter messagesWritten = new Counter();
    public final Counter bytesWritten = new Counter();
    /** Messages not written: the mailbox has them already (merge), or an earlier run wrote them whole (resume). */
    public final Counter messagesSkipped = new Counter();
}
