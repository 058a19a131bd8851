package org.mailsnap.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * One backup program as the scenario drives it: the commands that create its repository, back up the store, and
 * restore one mailbox, or the whole store, of an earlier backup into an empty directory. Each tool keeps its
 * repository (and its cache) in its own directory of the work dir; the scenario times the commands and reads the
 * repository's size.
 */
abstract class Tool {
    /** The benchmark's throwaway repository password, the same for every tool. */
    static final String PASSWORD = "mailsnap-benchmark";

    /** The {@code part} of a restore that is the whole store rather than one mailbox. */
    static final String WHOLE_STORE = "";

    private final String name;
    private final Path home;

    /** @param home this tool's directory in the work dir: repository, cache and restore targets go below it */
    Tool(String name, Path home) {
        this.name = name;
        this.home = home;
    }

    final String name() {
        return name;
    }

    final Path home() {
        return home;
    }

    /** The directory whose size is the repository's size. */
    final Path repository() {
        return home.resolve("repository");
    }

    /** Environment variables every command of this tool gets: password, repository, cache locations. */
    abstract Map<String, String> environment();

    /** The tool's version as its own version command prints it. */
    abstract String version(CommandRunner runner) throws IOException;

    /**
     * An untimed command run once before the first timed one, or an empty list: mailsnap's launcher builds its jar
     * on first use, which must not be counted as backup time.
     */
    List<String> prepareCommand() {
        return List.of();
    }

    abstract List<String> initCommand();

    /** Backs up {@code store} as a snapshot called {@code label} (borg needs a name, the others ignore it). */
    abstract List<String> backupCommand(Path store, String label);

    /**
     * The reference a later restore uses for the backup just made: restic's and mailsnap's snapshot id from the
     * output, borg's archive name.
     *
     * @throws IOException when the output does not name the snapshot
     */
    abstract String snapshotOf(Measurement backup, String label) throws IOException;

    /**
     * Restores {@code part} of {@code snapshot} into {@code target}, an empty directory; the command runs in
     * {@link #restoreWorkingDirectory}.
     *
     * @param part a mailbox relative to the store (e.g. {@code example.org/anna}), or {@link #WHOLE_STORE}
     */
    abstract List<String> restoreCommand(String snapshot, Path store, String part, Path target);

    /** Where the restored {@code part} (a mailbox root, or the store's root) lands below {@code target}. */
    abstract Path restoredPart(Path target, Path store, String part);

    /** The working directory of every command but a restore (which may need its target as working directory). */
    Path workingDirectory() {
        return home;
    }

    Path restoreWorkingDirectory(Path target) {
        return home;
    }

    /** Facts the tool printed about a backup (mailsnap's JSON); empty for the others. */
    Map<String, Object> backupDetails(Measurement backup) throws IOException {
        return Map.of();
    }
}
