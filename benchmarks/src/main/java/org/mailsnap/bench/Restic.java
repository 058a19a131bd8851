package org.mailsnap.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * restic as its users run it: {@code init}, {@code backup STORE} (absolute path, so every run finds the previous
 * snapshot of the same path as parent), {@code restore ID --target DIR --include /abs/mailbox} (or
 * {@code /abs/store} for the whole store). Its cache is the default cache, placed in the work dir with
 * {@code RESTIC_CACHE_DIR}.
 */
final class Restic extends Tool {
    private static final Pattern SAVED = Pattern.compile("(?m)^snapshot ([0-9a-f]{8,64}) saved$");
    private final Path executable;

    Restic(Path executable, Path home) {
        super("restic", home);
        this.executable = executable;
    }

    @Override
    Map<String, String> environment() {
        return Map.of(
                "RESTIC_PASSWORD",
                PASSWORD,
                "RESTIC_CACHE_DIR",
                home().resolve("cache").toString());
    }

    @Override
    String version(CommandRunner runner) throws IOException {
        return runner.output(List.of(executable.toString(), "version"), environment(), workingDirectory());
    }

    @Override
    List<String> initCommand() {
        return List.of(executable.toString(), "init", "--repo", repository().toString());
    }

    @Override
    List<String> backupCommand(Path store, String label) {
        return List.of(executable.toString(), "backup", "--repo", repository().toString(), store.toString());
    }

    /** {@code restic SUBCOMMAND --repo REPOSITORY WORDS…}, e.g. {@code forget --keep-daily 30 --prune}. */
    List<String> command(String subcommand, List<String> words) {
        List<String> command = new java.util.ArrayList<>(List.of(
                executable.toString(), subcommand, "--repo", repository().toString()));
        command.addAll(words);
        return command;
    }

    @Override
    String snapshotOf(Measurement backup, String label) throws IOException {
        Matcher m = SAVED.matcher(backup.stdout());
        if (!m.find()) {
            throw new IOException("restic backup printed no 'snapshot ID saved' line: "
                    + backup.stdout().strip());
        }
        return m.group(1);
    }

    @Override
    List<String> restoreCommand(String snapshot, Path store, String part, Path target) {
        return List.of(
                executable.toString(),
                "restore",
                snapshot,
                "--repo",
                repository().toString(),
                "--target",
                target.toString(),
                "--include",
                store.resolve(part).toString());
    }

    @Override
    Path restoredPart(Path target, Path store, String part) {
        return target.resolve(store.getRoot().relativize(store)).resolve(part);
    }
}
