package org.mailsnap.dump;

import static org.junit.jupiter.api.Assertions.*;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mailsnap.fs.SymlinkRefusedException;

/** {@code dump --output}: whole or not at all, never through a link planted at its name. */
class OutputFileTest {
    @TempDir
    Path dir;

    @Test
    void appearsOnlyWhenCommittedAndReplacesAnOlderFile() throws IOException {
        Path out = Files.writeString(dir.resolve("mail.mbox"), "older");
        try (OutputFile file = OutputFile.create(out)) {
            file.stream().write("new dump".getBytes(StandardCharsets.US_ASCII));
            file.stream().flush();
            assertEquals("older", Files.readString(out), "not before the commit");
            file.commit();
        }
        assertEquals("new dump", Files.readString(out));
        assertEquals(List.of(out), list(dir), "no temporary left");
        assertEquals(
                "rw-------",
                java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(out)),
                "it holds mail");
    }

    @Test
    void aFailureLeavesNothingBehind() throws IOException {
        Path out = dir.resolve("mail.mbox");
        IOException failure = assertThrows(IOException.class, () -> {
            try (OutputFile file = OutputFile.create(out)) {
                file.stream().write(new byte[100_000]);
                throw new IOException("blob … : MAC mismatch");
            }
        });
        assertEquals("blob … : MAC mismatch", failure.getMessage());
        assertEquals(List.of(), list(dir), "no partial dump under any name");
    }

    @Test
    void aLinkAtTheOutputNameIsRefusedAndItsTargetUntouched() throws IOException {
        Path victim = Files.writeString(dir.resolve("victim"), "root only");
        Path out = Files.createSymbolicLink(dir.resolve("mail.mbox"), victim);
        SymlinkRefusedException e = assertThrows(SymlinkRefusedException.class, () -> OutputFile.create(out));
        assertEquals(out + ": is a symbolic link, not followed", e.getMessage());
        assertEquals("root only", Files.readString(victim));
        assertEquals(List.of(out, victim), list(dir));
    }

    @Test
    void aDeviceIsWrittenDirectly() throws IOException {
        try (OutputFile file = OutputFile.create(Path.of("/dev/null"))) {
            file.stream().write("discarded".getBytes(StandardCharsets.US_ASCII));
            file.commit();
        }
        assertFalse(Files.isRegularFile(Path.of("/dev/null")), "still the device, not replaced by a file");
    }

    private static List<Path> list(Path directory) throws IOException {
        try (Stream<Path> entries = Files.list(directory)) {
            return entries.sorted().toList();
        }
    }
}
