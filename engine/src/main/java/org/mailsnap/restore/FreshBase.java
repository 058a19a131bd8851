package org.mailsnap.restore;

import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;

/**
 * New Maildir bases for messages a merge cannot write under their own name, in the form a delivery uses:
 * {@code <seconds>.M<microseconds>P<pid>Q<sequence>.mailsnap-restore}, followed by the {@code ,S=<size>,W=<vsize>}
 * fields of the message's old base (the bytes are the same, so are the sizes Dovecot reads from the name). Unique
 * per process by the sequence, across processes by the pid, across time by the clock.
 */
final class FreshBase {
    private static final AtomicLong SEQUENCE = new AtomicLong();
    private static final String HOST = "mailsnap-restore";

    private FreshBase() {}

    /** A new base carrying the size fields of {@code oldBase} (everything from its first {@code ,}). */
    static String like(String oldBase, Instant now) {
        int comma = oldBase.indexOf(',');
        String sizes = comma < 0 ? "" : oldBase.substring(comma);
        return now.getEpochSecond() + ".M" + now.getNano() / 1000 + "P"
                + ProcessHandle.current().pid() + "Q" + SEQUENCE.incrementAndGet() + "." + HOST + sizes;
    }
}
