package org.mailsnap.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import org.mailsnap.recovery.RebuildResult;

/**
 * {@code catalog rebuild} as text: one line of what was indexed where; {@link MaintenanceJson#rebuild} is the
 * {@code --json} form. The warnings go to standard error in both forms, so {@code --json} stays one object.
 */
final class CatalogText {
    private CatalogText() {}

    static void rebuilt(Path dir, RebuildResult r, PrintWriter out) {
        out.printf(
                "catalog rebuilt in %s from %d snapshots of %d stores: %d folders, %d placements, %d messages"
                        + " indexed (%d gone), %d blobs indexed, %.1f s%n",
                dir,
                r.snapshots(),
                r.stores(),
                r.folders(),
                r.placements(),
                r.messages(),
                r.gone(),
                r.blobsIndexed(),
                r.durationNanos() / 1e9);
    }

    /** Damaged snapshots skipped, messages indexed without their header, blobs in missing packs. */
    static void warnings(RebuildResult r, long headersUnreadable, PrintWriter err) {
        r.damagedSnapshots().forEach(d -> err.println("warning: " + d.describe()));
        if (headersUnreadable > 0) {
            err.println("warning: " + headersUnreadable + " messages have an unreadable header blob and are indexed"
                    + " without Subject or Message-ID");
        }
        if (r.blobsInMissingPacks() > 0) {
            err.println("warning: " + r.blobsInMissingPacks() + " indexed blobs are in packs missing from the"
                    + " repository; the next backup stores again what the store still has ('mailsnap check' names"
                    + " the messages)");
        }
    }
}
