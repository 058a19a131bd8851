package org.mailsnap.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class TimeVerboseTest {
    /** What GNU time 1.9 on Debian 12 wrote for a restic backup (trimmed of the lines the parser ignores). */
    private static final String REPORT = String.join(
            "\n",
            "\tCommand being timed: \"restic backup --repo /tmp/r /tmp/store\"",
            "\tUser time (seconds): 1.21",
            "\tSystem time (seconds): 0.30",
            "\tPercent of CPU this job got: 189%",
            "\tElapsed (wall clock) time (h:mm:ss or m:ss): 0:00.79",
            "\tAverage shared text size (kbytes): 0",
            "\tMaximum resident set size (kbytes): 63312",
            "\tAverage resident set size (kbytes): 0",
            "\tPage size (bytes): 4096",
            "\tExit status: 0",
            "");

    @Test
    void readsPeakRssElapsedAndExitStatus() {
        TimeVerbose t = TimeVerbose.parse(REPORT);
        assertEquals(63312, t.maxRssKb());
        assertEquals(0.79, t.elapsedSeconds(), 1e-9);
        assertEquals(0, t.exitStatus());
    }

    @Test
    void nonZeroExitIsReported() {
        String failed = "Command exited with non-zero status 3\n" + REPORT.replace("Exit status: 0", "Exit status: 3");
        assertEquals(3, TimeVerbose.parse(failed).exitStatus());
    }

    @Test
    void aSignalBecomes128PlusItsNumber() {
        String killed = "Command terminated by signal 9\n" + REPORT;
        assertEquals(137, TimeVerbose.parse(killed).exitStatus());
    }

    @Test
    void elapsedTimeInEveryFormatTimePrints() {
        assertEquals(62.5, TimeVerbose.parseClock("1:02.50"), 1e-9);
        assertEquals(3723, TimeVerbose.parseClock("1:02:03"), 1e-9);
        assertEquals(0.07, TimeVerbose.parseClock("0:00.07"), 1e-9);
        assertThrows(IllegalArgumentException.class, () -> TimeVerbose.parseClock("1:2:3:4"));
        assertThrows(IllegalArgumentException.class, () -> TimeVerbose.parseClock("soon"));
    }

    @Test
    void aReportWithoutRssIsRejectedWithTheText() {
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class,
                () -> TimeVerbose.parse("time: cannot run foo: No such file or directory\n"));
        assertTrue(e.getMessage().contains("Maximum resident set size"), e.getMessage());
        assertTrue(e.getMessage().contains("cannot run foo"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> TimeVerbose.parse(REPORT.replace("63312", "lots")));
    }
}
