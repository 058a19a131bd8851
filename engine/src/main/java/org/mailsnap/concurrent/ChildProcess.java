package org.mailsnap.concurrent;

import java.io.File;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * A child process run to its end: an operator's hook or password command, a system tool ({@code btrfs},
 * {@code mount}). An interrupt (Ctrl-C, a timer's stop) destroys the child rather than leaving it behind, and the
 * wait ends with an {@link InterruptedIOException} naming what was running.
 */
public final class ChildProcess {
    private ChildProcess() {}

    /** How a child ended: its exit status and what it printed on stdout and stderr together. */
    public record Finished(int status, String output) {
        /** The last line it printed, the one that usually says why it failed; empty when it printed nothing. */
        public String lastLine() {
            String[] lines = output.strip().split("\n");
            return lines[lines.length - 1].strip();
        }
    }

    /**
     * Runs {@code argv} with {@code environment} added, stdin from {@code /dev/null}, stdout and stderr captured
     * together. {@code shown} names it in errors.
     */
    public static Finished run(List<String> argv, Map<String, String> environment, String shown) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(argv)
                .redirectErrorStream(true)
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        builder.environment().putAll(environment);
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new IOException("cannot run " + argv.get(0) + " (is it installed?): " + e.getMessage(), e);
        }
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        return new Finished(waitFor(process, shown), output);
    }

    /** Waits for {@code process} to exit and returns its status; on interrupt, destroys it. */
    public static int waitFor(Process process, String shown) throws InterruptedIOException {
        try {
            return process.waitFor();
        } catch (InterruptedException e) {
            process.destroy();
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while running " + shown);
        }
    }
}
