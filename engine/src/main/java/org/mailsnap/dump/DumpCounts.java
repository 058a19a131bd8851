package org.mailsnap.dump;

import org.mailsnap.model.Placement;

/** Counts a dump's messages and their bytes as it writes them. */
final class DumpCounts {
    private long messages;
    private long bytes;

    void message(Placement p) {
        messages++;
        bytes += p.content().size();
    }

    DumpResult withControlFiles(long controlFiles) {
        return new DumpResult(messages, bytes, controlFiles);
    }
}
