package org.mailsnap.cli;

import org.mailsnap.diff.DiffOutput;
import org.mailsnap.diff.DiffTotals;

/** A rendering of {@code diff}: the changes as the engine finds them, then the totals. */
interface DiffPrinter extends DiffOutput {
    void end(DiffTotals totals);
}
