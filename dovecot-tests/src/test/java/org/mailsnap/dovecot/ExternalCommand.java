package org.mailsnap.dovecot;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs one external program to completion within a deadline and returns its standard output. Output goes to
 * temporary files rather than pipes, so a chatty program can never block on a full pipe while we wait for it.
 */
final class ExternalCommand {

    private ExternalCommand() {}

    /** What a program that exited 0 wrote. */
    record Output(String stdout, String stderr) {}

    /** Runs the command; throws naming it, its exit code and its stderr when it fails or overruns. */
    static Output run(Duration timeout, List<String> command) throws IOException {
        Path stdout = Files.createTempFile("mailsnap-cmd-", ".out");
        Path stderr = Files.createTempFile("mailsnap-cmd-", ".err");
        try {
            Process process = new ProcessBuilder(command)
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                    .redirectOutput(stdout.toFile())
                    .redirectError(stderr.toFile())
                    .start();
            if (!waitFor(process, timeout)) {
                process.destroyForcibly();
                throw new IOException("`" + String.join(" ", command) + "` did not finish within " + timeout
                        + "; stderr so far: " + read(stderr));
            }
            if (process.exitValue() != 0) {
                throw new IOException("`" + String.join(" ", command) + "` failed with exit code " + process.exitValue()
                        + ": " + read(stderr).strip());
            }
            return new Output(read(stdout), read(stderr));
        } finally {
            Files.deleteIfExists(stdout);
            Files.deleteIfExists(stderr);
        }
    }

    private static boolean waitFor(Process process, Duration timeout) throws IOException {
        try {
            return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
            throw new IOException(
                    "interrupted while waiting for " + process.info().command().orElse("a command"), e);
        }
    }

    private static String read(Path file) throws IOException {
        return new String(Files.readAllBytes(file), StandardCharsets.UTF_8); // lenient: Dovecot may echo raw bytes
    }
}
