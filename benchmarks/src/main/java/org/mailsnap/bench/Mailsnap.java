package org.mailsnap.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.mailsnap.cli.Json;

/**
 * mailsnap through its launcher {@code bin/mailsnap}, relying only on the CLI contract: the repository, password
 * and catalog come from {@code MAILSNAP_REPOSITORY}, {@code MAILSNAP_PASSWORD} and {@code MAILSNAP_CATALOG};
 * {@code backup --json --lock none STORE} prints one JSON object with at least {@code snapshot},
 * {@code messages}, {@code newMessages}, {@code bytesRead}, {@code storedBytes}, {@code lockHoldMaxMillis},
 * {@code lockHoldTotalMillis} and {@code durationMillis} and exits 0 (3 = partial); {@code restore --snapshot ID
 * --target DIR [--mailbox MAILBOX]} puts the mailbox root at DIR, or, without a mailbox, every mailbox at
 * DIR/MAILBOX as in the store. The lock mode is {@code none} because a generated
 * store has no Dovecot to exclude; the lock hold it reports is then the time the listing would hold the lock.
 */
final class Mailsnap extends Tool {
    static final String LOCK_MODE = "none";
    static final int PARTIAL = 3;
    private static final List<String> REQUIRED = List.of(
            "snapshot",
            "messages",
            "newMessages",
            "bytesRead",
            "storedBytes",
            "lockHoldMaxMillis",
            "lockHoldTotalMillis",
            "durationMillis");

    private final Path launcher;

    Mailsnap(Path launcher, Path home) {
        super("mailsnap", home);
        this.launcher = launcher;
    }

    /** The source tree the launcher belongs to ({@code bin/..}). */
    Path sourceRoot() {
        return launcher.toAbsolutePath().getParent().getParent();
    }

    @Override
    Map<String, String> environment() {
        return Map.of(
                "MAILSNAP_REPOSITORY",
                repository().toString(),
                "MAILSNAP_PASSWORD",
                PASSWORD,
                "MAILSNAP_CATALOG",
                home().resolve("catalog").toString());
    }

    /** The git commit of the launcher's source tree, with {@code +dirty} when tracked files differ from it. */
    @Override
    String version(CommandRunner runner) throws IOException {
        String root = sourceRoot().toString();
        String commit = runner.output(List.of("git", "-C", root, "rev-parse", "HEAD"), Map.of(), workingDirectory());
        String changes = runner.output(
                List.of("git", "-C", root, "status", "--porcelain", "--untracked-files=no"),
                Map.of(),
                workingDirectory());
        String crypto = runner.output(List.of(launcher.toString(), "--version"), Map.of(), workingDirectory())
                .lines()
                .filter(line -> line.startsWith("crypto: "))
                .findFirst()
                .orElse("crypto: ?");
        return "mailsnap " + commit + (changes.isEmpty() ? "" : "+dirty") + " (" + crypto + ")";
    }

    @Override
    List<String> prepareCommand() {
        return List.of(launcher.toString(), "--help");
    }

    @Override
    List<String> initCommand() {
        return List.of(launcher.toString(), "init");
    }

    @Override
    List<String> backupCommand(Path store, String label) {
        return List.of(launcher.toString(), "backup", "--json", "--lock", LOCK_MODE, store.toString());
    }

    @Override
    Map<String, Object> backupDetails(Measurement backup) throws IOException {
        String out = backup.stdout().strip();
        int start = out.lastIndexOf("\n{");
        String object = start < 0 ? out : out.substring(start + 1);
        Object parsed;
        try {
            parsed = Json.parse(object);
        } catch (IllegalArgumentException e) {
            throw new IOException("mailsnap backup --json printed no JSON object (" + e.getMessage() + "): " + out, e);
        }
        if (!(parsed instanceof Map<?, ?> map)) {
            throw new IOException("mailsnap backup --json printed " + object + ", not a JSON object");
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> details = (Map<String, Object>) map;
        List<String> missing =
                REQUIRED.stream().filter(key -> !details.containsKey(key)).toList();
        if (!missing.isEmpty()) {
            throw new IOException("mailsnap backup --json lacks " + missing + ": " + object);
        }
        return details;
    }

    @Override
    String snapshotOf(Measurement backup, String label) throws IOException {
        return String.valueOf(backupDetails(backup).get("snapshot"));
    }

    @Override
    List<String> restoreCommand(String snapshot, Path store, String part, Path target) {
        List<String> command = new ArrayList<>(
                List.of(launcher.toString(), "restore", "--snapshot", snapshot, "--target", target.toString()));
        if (!part.equals(WHOLE_STORE)) {
            command.addAll(List.of("--mailbox", part));
        }
        return command;
    }

    @Override
    Path restoredPart(Path target, Path store, String part) {
        return target;
    }
}
