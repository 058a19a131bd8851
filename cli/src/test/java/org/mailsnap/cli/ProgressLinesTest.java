package org.mailsnap.cli;

import static org.junit.jupiter.api.Assertions.*;

import org.junit.jupiter.api.Test;
import org.mailsnap.backup.BackupProgress;
import org.mailsnap.recovery.RebuildProgress;

/** The progress line's text and when it is drawn, without a terminal. */
class ProgressLinesTest {
    @Test
    void etaFromTheShareDone() {
        assertEquals("", ProgressLines.eta(0, 10, 5), "no basis before the first unit is done");
        assertEquals(", ETA 15s", ProgressLines.eta(1, 4, 5));
        assertEquals(", ETA 2m00s", ProgressLines.eta(50, 100, 120));
        assertEquals(", ETA 1h30m", ProgressLines.eta(1, 4, 1800));
        assertEquals("", ProgressLines.eta(10, 10, 99), "nothing left");
    }

    @Test
    void linesNameTheCounters() {
        assertEquals(
                "  mailboxes 0/0, messages seen 0, read 0 (0 B, 0 B/s)", ProgressLines.backup(new BackupProgress(), 0));
        assertEquals(
                "  snapshots 0/0, messages indexed 0, placements 0", ProgressLines.rebuild(new RebuildProgress(), 3));
        assertEquals(
                "  index files 0/0, packs read 0 (0 blobs), snapshots 0/0",
                ProgressLines.check(new org.mailsnap.check.CheckProgress(), 3));
    }

    @Test
    void drawnOnlyOnATerminalAndNotWhenQuiet() {
        assertTrue(ProgressTicker.enabled(false, true));
        assertFalse(ProgressTicker.enabled(true, true), "--quiet");
        assertFalse(ProgressTicker.enabled(false, false), "not a terminal");
    }

    @Test
    void quietIsAnOptionOfTheLongCommands() {
        CliTestSupport.assertParses("backup", "--quiet", "/var/vmail");
        CliTestSupport.assertParses("catalog", "rebuild", "-q");
        CliTestSupport.assertParses("check", "--json-progress", "--quiet");
        CliTestSupport.assertParses("prune", "-q", "--json-progress");
    }
}
