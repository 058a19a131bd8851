package org.mailsnap.cli;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Library logging (the AWS SDK's SLF4J) is silent unless asked for: checked on a real process's stderr. */
class LibraryLoggingTest {
    @TempDir
    Path tmp;

    private String stderrOf(String... args) throws Exception {
        Files.writeString(tmp.resolve("empty.conf"), "");
        List<String> command = ChildJvm.java(List.of(), LoggingProbe.class, args);
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(tmp.resolve("stderr").toFile());
        builder.environment().put("MAILSNAP_CONFIG", tmp.resolve("empty.conf").toString());
        builder.environment().remove("MAILSNAP_DEBUG");
        Process process = builder.start();
        assertTrue(process.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, process.exitValue(), Files.readString(tmp.resolve("stderr")));
        return Files.readString(tmp.resolve("stderr"), StandardCharsets.UTF_8);
    }

    @Test
    void quietByDefault() throws Exception {
        String err = stderrOf("config", "check");
        assertFalse(err.contains("SLF4J"), "no binding warning: " + err);
        assertFalse(err.contains("probe warning"), err);
    }

    @Test
    void verboseShowsTheLibrariesLines() throws Exception {
        String err = stderrOf("config", "check", "--verbose");
        assertTrue(err.contains("WARN") && err.contains("probe warning from a library"), err);
        assertFalse(err.contains("SLF4J:"), err);
    }
}
