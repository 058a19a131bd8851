package org.mailsnap.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * borg as its users run it: {@code init --encryption=repokey-blake2}, {@code create --compression zstd,3
 * REPO::LABEL STORE} (one archive per step, named after it), and {@code extract REPO::LABEL path/of/mailbox} (or
 * {@code path/of/store}) run inside the empty target (borg stores absolute paths without their leading slash). Its
 * cache, keys and security directory live in the work dir through {@code BORG_BASE_DIR}.
 */
final class Borg extends Tool {
    private final Path executable;

    Borg(Path executable, Path home) {
        super("borg", home);
        this.executable = executable;
    }

    @Override
    Map<String, String> environment() {
        return Map.of(
                "BORG_PASSPHRASE",
                PASSWORD,
                "BORG_BASE_DIR",
                home().resolve("base").toString());
    }

    @Override
    String version(CommandRunner runner) throws IOException {
        return runner.output(List.of(executable.toString(), "--version"), environment(), workingDirectory());
    }

    @Override
    List<String> initCommand() {
        return List.of(
                executable.toString(),
                "init",
                "--encryption=repokey-blake2",
                repository().toString());
    }

    @Override
    List<String> backupCommand(Path store, String label) {
        return List.of(executable.toString(), "create", "--compression", "zstd,3", archive(label), store.toString());
    }

    @Override
    String snapshotOf(Measurement backup, String label) {
        return label;
    }

    @Override
    List<String> restoreCommand(String snapshot, Path store, String part, Path target) {
        return List.of(
                executable.toString(),
                "extract",
                archive(snapshot),
                relativeToRoot(store).resolve(part).toString());
    }

    @Override
    Path restoreWorkingDirectory(Path target) {
        return target;
    }

    @Override
    Path restoredPart(Path target, Path store, String part) {
        return target.resolve(relativeToRoot(store)).resolve(part);
    }

    private String archive(String label) {
        return repository() + "::" + label;
    }

    private static Path relativeToRoot(Path absolute) {
        return absolute.getRoot().relativize(absolute);
    }
}
