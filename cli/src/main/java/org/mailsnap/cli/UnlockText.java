package org.mailsnap.cli;

import java.io.PrintWriter;
import java.time.Instant;
import java.util.List;
import org.mailsnap.repository.LockInfo;

/**
 * {@code unlock} as text: one line per removed lock, then one per kept lock, then the count removed;
 * {@link MaintenanceJson#unlock} is the {@code --json} form.
 */
final class UnlockText {
    private UnlockText() {}

    static void print(List<LockInfo> removed, List<LockInfo> kept, Instant now, PrintWriter out) {
        removed.forEach(lock -> out.println("removed " + lock.describe(now)));
        kept.forEach(lock -> out.println("kept " + lock.describe(now)));
        out.printf("%d lock(s) removed%n", removed.size());
    }
}
