package org.mailsnap.cli;

import java.io.Console;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.mailsnap.concurrent.ChildProcess;
import org.mailsnap.fs.FileNames;

/**
 * Where the repository password comes from, in this order: {@code --password-file}, {@code --password-command}
 * (each also from the configuration file), {@code MAILSNAP_PASSWORD}, {@code MAILSNAP_PASSWORD_FILE},
 * {@code MAILSNAP_PASSWORD_COMMAND}, a prompt when a terminal is attached. Without any of them the command fails
 * rather than waiting for input that will not come (cron, CI).
 */
final class Passwords {
    private Passwords() {}

    /** A password and whether it came from a prompt (rather than a file or the environment). */
    record Secret(char[] value, boolean typed) {}

    static Secret readSecret(Path passwordFile, Environment env, String prompt) throws IOException {
        return readSecret(passwordFile, null, env, prompt);
    }

    static Secret readSecret(Path passwordFile, String passwordCommand, Environment env, String prompt)
            throws IOException {
        if (passwordFile != null) {
            return new Secret(fromFile(passwordFile), false);
        }
        if (passwordCommand != null) {
            return new Secret(fromCommand(passwordCommand), false);
        }
        String fromEnv = env.get("MAILSNAP_PASSWORD");
        if (fromEnv != null) {
            return new Secret(fromEnv.toCharArray(), false);
        }
        String file = env.get("MAILSNAP_PASSWORD_FILE");
        if (file != null) {
            return new Secret(fromFile(FileNames.path(file)), false);
        }
        String command = env.get("MAILSNAP_PASSWORD_COMMAND");
        if (command != null) {
            return new Secret(fromCommand(command), false);
        }
        Console console = Terminal.console();
        if (console != null) {
            char[] password = console.readPassword("%s", prompt);
            if (password != null) {
                return new Secret(password, true);
            }
        }
        throw new UserError(
                ExitCode.USAGE,
                "no password: use --password-file, --password-command, MAILSNAP_PASSWORD"
                        + " or MAILSNAP_PASSWORD_FILE, or run on a terminal");
    }

    /** A new password, asked twice on a terminal. */
    static Secret readNew(Path passwordFile, Environment env, String what) throws IOException {
        if (passwordFile != null
                || env.get("MAILSNAP_PASSWORD") != null
                || env.get("MAILSNAP_PASSWORD_FILE") != null
                || Terminal.console() == null) {
            return readSecret(passwordFile, env, what);
        }
        return new Secret(askTwice(Terminal.console(), what), true);
    }

    /**
     * A second password, for {@code key add} and {@code key passwd}: {@code --new-password-file},
     * {@code MAILSNAP_NEW_PASSWORD}, or a prompt asked twice on a terminal.
     */
    static char[] readAdditional(Path newPasswordFile, Environment env) throws IOException {
        if (newPasswordFile != null) {
            return fromFile(newPasswordFile);
        }
        String fromEnv = env.get("MAILSNAP_NEW_PASSWORD");
        if (fromEnv != null) {
            return fromEnv.toCharArray();
        }
        Console console = Terminal.console();
        if (console == null) {
            throw new UserError(ExitCode.USAGE, "no new password: use --new-password-file or MAILSNAP_NEW_PASSWORD");
        }
        return askTwice(console, "new password: ");
    }

    /** A new password typed twice, so a typo cannot lock the operator out. */
    private static char[] askTwice(Console console, String prompt) {
        char[] first = console.readPassword("%s", prompt);
        char[] second = console.readPassword("%s", "again: ");
        if (first == null || !Arrays.equals(first, second)) {
            throw new UserError(ExitCode.USAGE, "the passwords do not match");
        }
        return first;
    }

    /**
     * The first line a shell command prints. Its stderr goes to ours (a secret store's prompt or error is for the
     * operator); a failure names the command and its exit status, never its output.
     */
    private static char[] fromCommand(String command) throws IOException {
        Process process = new ProcessBuilder("/bin/sh", "-c", command)
                .redirectInput(ProcessBuilder.Redirect.INHERIT)
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
        byte[] output = process.getInputStream().readAllBytes();
        int status = ChildProcess.waitFor(process, "the password command");
        if (status != 0) {
            throw new UserError(ExitCode.USAGE, "the password command failed (exit status " + status + "): " + command);
        }
        return firstLine(new String(output, StandardCharsets.UTF_8), "the password command " + command);
    }

    private static char[] fromFile(Path file) throws IOException {
        return firstLine(Files.readString(file, StandardCharsets.UTF_8), "password file " + file);
    }

    private static char[] firstLine(String content, String source) {
        int end = content.indexOf('\n');
        String first = end < 0 ? content : content.substring(0, end);
        if (first.endsWith("\r")) {
            first = first.substring(0, first.length() - 1);
        }
        if (first.isEmpty()) {
            throw new UserError(ExitCode.USAGE, source + " gave an empty password");
        }
        return first.toCharArray();
    }
}
