package org.mailsnap.cli;

import java.io.PrintWriter;
import org.mailsnap.prune.PruneResult;

/**
 * {@code prune} (and {@code forget --prune}) as text: what the repository held, what was kept, rewritten and
 * deleted, and what that freed; {@link PruneJson} is the {@code --json} form.
 */
final class PruneText {
    private PruneText() {}

    static void print(PruneResult r, PrintWriter out) {
        out.printf(
                "snapshots %d, live blobs %d (live set %s)%n",
                r.snapshots(), r.liveBlobs(), Units.bytes(r.liveSetBytes()));
        out.printf(
                "packs %d: %d kept, %d repacked, %d deleted; unindexed: %d deleted, %d left for the next prune%n",
                r.packs(),
                r.packsKept(),
                r.packsRepacked(),
                r.packsDeleted(),
                r.unindexedDeleted(),
                r.unindexedRemembered());
        out.printf(
                "%s in packs, %s live, %s %s%n",
                Units.bytes(r.bytesBefore()),
                Units.bytes(r.bytesLive()),
                Units.bytes(r.bytesFreed()),
                r.dryRun() ? "would be freed" : "freed");
        if (r.temporaryFilesRemoved() > 0) {
            out.printf("%d half-written file(s) of killed runs removed%n", r.temporaryFilesRemoved());
        }
        if (r.dryRun()) {
            out.println("dry run: nothing changed");
        } else if (!r.changed()) {
            out.println("nothing to prune");
        } else {
            out.printf(
                    "wrote %d packs (%d blobs copied) and %d index files; %d old index files deleted%n",
                    r.packsWritten(), r.blobsCopied(), r.indexFilesWritten(), r.indexFilesDeleted());
        }
    }
}
