package org.mailsnap.bench;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Finds the programs the runner needs on the {@code PATH} and, when allowed and running as root on a Debian-like
 * system, installs a missing one with {@code apt-get install} (after an {@code apt-get update} if the first attempt
 * fails). A program that stays missing is reported absent with the reason; the run continues without it.
 */
final class Installer {
    /** A program found, or why not. */
    record Found(Optional<Path> executable, String absentReason) {
        static Found at(Path executable) {
            return new Found(Optional.of(executable), "");
        }

        static Found absent(String reason) {
            return new Found(Optional.empty(), reason);
        }
    }

    private final String path;
    private final boolean installAllowed;
    private final CommandRunner runner;
    private final Path workingDirectory;
    private final StringBuilder notes = new StringBuilder();

    Installer(String path, boolean installAllowed, CommandRunner runner, Path workingDirectory) {
        this.path = path == null ? "" : path;
        this.installAllowed = installAllowed;
        this.runner = runner;
        this.workingDirectory = workingDirectory;
    }

    /** The executable {@code command}, installing Debian package {@code debianPackage} if it is missing. */
    Found ensure(String command, String debianPackage) throws IOException {
        Optional<Path> found = onPath(command);
        if (found.isPresent()) {
            return Found.at(found.get());
        }
        if (!installAllowed) {
            return Found.absent(command + " is not installed and installing was switched off (--no-install)");
        }
        Optional<Path> aptGet = onPath("apt-get");
        if (aptGet.isEmpty()) {
            return Found.absent(command + " is not installed and there is no apt-get to install " + debianPackage);
        }
        if (!isRoot()) {
            return Found.absent(
                    command + " is not installed and only root can install Debian package " + debianPackage);
        }
        if (!aptInstall(aptGet.get(), debianPackage)) {
            aptGet(aptGet.get(), "update");
            aptInstall(aptGet.get(), debianPackage);
        }
        return onPath(command)
                .map(Found::at)
                .orElseGet(() -> Found.absent(command
                        + " is still missing after apt-get install " + debianPackage + " (see "
                        + notes.toString().strip()
                        + ")"));
    }

    /** What the installer did, for the report; empty when it installed nothing. */
    String notes() {
        return notes.toString().strip();
    }

    Optional<Path> onPath(String command) {
        for (String directory : path.split(File.pathSeparator)) {
            if (directory.isEmpty()) {
                continue;
            }
            Path candidate = Path.of(directory, command);
            if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    private boolean isRoot() throws IOException {
        return runner.output(List.of("id", "-u"), Map.of(), workingDirectory).equals("0");
    }

    private boolean aptInstall(Path aptGet, String debianPackage) throws IOException {
        return aptGet(aptGet, "install", "-y", "-q", "--no-install-recommends", debianPackage);
    }

    private boolean aptGet(Path aptGet, String... arguments) throws IOException {
        List<String> command = new java.util.ArrayList<>(List.of(aptGet.toString()));
        command.addAll(List.of(arguments));
        Measurement m = runner.timed(
                "apt-get-" + arguments[0], command, Map.of("DEBIAN_FRONTEND", "noninteractive"), workingDirectory);
        notes.append(String.join(" ", command))
                .append(": exit ")
                .append(m.exitCode())
                .append(m.succeeded() ? "" : " (" + m.stderrTail() + ")")
                .append("; ");
        return m.succeeded();
    }
}
