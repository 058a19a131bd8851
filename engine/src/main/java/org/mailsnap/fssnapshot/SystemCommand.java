package org.mailsnap.fssnapshot;

import java.io.File;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * One run of a system tool ({@code btrfs}, {@code lvcreate}, {@code mount}, the operator's shell command): stdin from
 * {@code /dev/null}, stdout and stderr captured together. A tool that fails is an {@link IOException} naming the
 * command, its exit status and the last line it printed, the line that usually says why.
 */
final class SystemCommand {
    private SystemCommand() {}

    /** Runs {@code argv}; returns its output. */
    static String run(List<String> argv) throws IOException {
        return run(argv, Map.of(), String.join(" ", argv));
    }

    /** Runs {@code command} with {@code /bin/sh -c} and {@code environment} added; returns its output. */
    static String shell(String command, Map<String, String> environment) throws IOException {
        return run(List.of("/bin/sh", "-c", command), environment, command);
    }

    private static String run(List<String> argv, Map<String, String> environment, String shown)
            throws IOException {
        ProcessBuilder builder = new ProcessBuilder(argv).redirectErrorStream(true)
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        builder.environment().putAll(environment);
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new IOException("cannot run " + argv.get(0) + " (is it installed?): " + e.getMessage(), e);
        }
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        int status;
        try {
            status = process.waitFor();
        } catch (InterruptedException e) {
            process.destroy();
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while running " + shown);
        }
        if (status != 0) {
            String said = lastLine(output);
            throw new IOException(shown + " failed (exit status " + status + ")" + (said.isEmpty() ? "" : ": " + said));
        }
        return output;
    }

    private static String lastLine(String output) {
        String[] lines = output.strip().split("\n");
        return lines[lines.length - 1].strip();
    }
}
