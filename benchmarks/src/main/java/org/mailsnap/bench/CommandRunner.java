package org.mailsnap.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Starts the commands of a run. A timed command runs under {@code /usr/bin/time -v -o FILE} (when available) for
 * its peak RSS, while its wall-clock time is measured here around the process; its stdout and stderr go to files
 * in the log directory (kept for inspection) and are read back afterwards. Every command is recorded in the
 * {@link CommandLog}.
 */
final class CommandRunner {
    private final Path logDirectory;
    private final CommandLog log;
    private final Optional<Path> timeBinary;
    private int sequence;

    CommandRunner(Path logDirectory, CommandLog log, Optional<Path> timeBinary) {
        this.logDirectory = logDirectory;
        this.log = log;
        this.timeBinary = timeBinary;
    }

    boolean measuresRss() {
        return timeBinary.isPresent();
    }

    /** Runs {@code command} and measures it; a non-zero exit is reported in the result, not thrown. */
    Measurement timed(String label, List<String> command, Map<String, String> environment, Path workingDirectory)
            throws IOException {
        String base = String.format(Locale.ROOT, "%03d-%s", ++sequence, label.replaceAll("[^A-Za-z0-9_.-]+", "-"));
        Path out = logDirectory.resolve(base + ".out");
        Path err = logDirectory.resolve(base + ".err");
        Path timeReport = logDirectory.resolve(base + ".time");
        List<String> full = new ArrayList<>();
        timeBinary.ifPresent(time -> full.addAll(List.of(time.toString(), "-v", "-o", timeReport.toString())));
        full.addAll(command);
        log.record(label, workingDirectory, environment, command);

        ProcessBuilder builder = new ProcessBuilder(full)
                .directory(workingDirectory.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                .redirectOutput(out.toFile())
                .redirectError(err.toFile());
        builder.environment().putAll(environment);
        long started = System.nanoTime();
        int exit = waitFor(builder.start(), command);
        double seconds = (System.nanoTime() - started) / 1e9;

        long rssKb = -1;
        if (timeBinary.isPresent() && Files.exists(timeReport)) {
            TimeVerbose report = TimeVerbose.parse(Files.readString(timeReport, StandardCharsets.UTF_8));
            rssKb = report.maxRssKb();
        }
        return new Measurement(String.join(" ", command), seconds, rssKb, exit, read(out), read(err));
    }

    /**
     * Runs a short untimed command (a version query) and returns its stdout and stderr together, stripped.
     *
     * @throws IOException when it cannot be started or exits non-zero
     */
    String output(List<String> command, Map<String, String> environment, Path workingDirectory) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(workingDirectory.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                .redirectErrorStream(true);
        builder.environment().putAll(environment);
        Process process = builder.start();
        String text = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        int exit = waitFor(process, command);
        if (exit != 0) {
            throw new IOException(String.join(" ", command) + " exited with " + exit + ": " + text);
        }
        return text;
    }

    private static int waitFor(Process process, List<String> command) throws IOException {
        try {
            return process.waitFor();
        } catch (InterruptedException e) {
            process.destroy();
            Thread.currentThread().interrupt();
            throw new java.io.InterruptedIOException("interrupted while waiting for " + String.join(" ", command));
        }
    }

    private static String read(Path file) throws IOException {
        return new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
    }
}
