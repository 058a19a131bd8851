package org.mailsnap.fs;

import static org.junit.jupiter.api.Assertions.*;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A read-ahead hint is taken for a regular file and quietly dropped for anything else; it never blocks. */
class ReadAheadTest {
    @TempDir
    Path tmp;

    @Test
    void aRegularFileTakesTheHint() throws IOException {
        Path file = Files.write(tmp.resolve("1700000000.M1P1.host:2,S"), new byte[20_000]);
        assertTrue(ReadAhead.hint(file, 256 * 1024));
    }

    @Test
    void aMissingFileOrALinkLosesTheHintWithoutAnError() throws IOException {
        assertFalse(ReadAhead.hint(tmp.resolve("gone"), 4096));
        Path outside = Files.writeString(tmp.resolve("outside"), "not a message");
        Path link = Files.createSymbolicLink(tmp.resolve("1700000001.M1P1.host:2,"), outside);
        assertFalse(ReadAhead.hint(link, 4096), "a link is not followed (O_NOFOLLOW)");
    }

    @Test
    void aFifoNeitherBlocksNorTakesTheHint() throws IOException, InterruptedException {
        Path fifo = tmp.resolve("1700000002.M1P1.host:2,");
        Process p = new ProcessBuilder("mkfifo", fifo.toString()).inheritIO().start();
        assertEquals(0, p.waitFor(), "mkfifo " + fifo);
        // opened without O_NONBLOCK, a FIFO with no writer would block this thread forever
        boolean taken = assertTimeoutPreemptively(Duration.ofSeconds(30), () -> ReadAhead.hint(fifo, 4096));
        assertFalse(taken, "a FIFO has no pages to read ahead (ESPIPE)");
    }
}
