package org.mailsnap.cli;

import java.io.IOException;
import java.util.Optional;
import org.mailsnap.catalog.Catalog;
import org.mailsnap.repository.Repository;

/**
 * Opening the local catalog for a command. An outdated catalog ({@link Catalog#outdated}: an older format after an
 * upgrade, or a rebuild that was stopped half-way) is rebuilt from the repository first and the command goes on, so
 * that an upgrade does not fail every hourly backup until an admin acts. The rebuild runs under the catalog's
 * {@link RunLock}: a command holding it for its whole run (backup) rebuilds at once; any other command takes it for
 * the rebuild, and exits with {@link ExitCode#BUSY} while another run holds it (that run is rebuilding it, or will).
 * Under the lock the catalog is opened again first, in case another run rebuilt it meanwhile. A catalog of a newer
 * format is refused as before: a downgraded mailsnap never deletes what a newer one wrote.
 */
final class CatalogOpening {
    private CatalogOpening() {}

    /** The open catalog, and what was rebuilt first (null when nothing was). */
    record Opened(Catalog catalog, CatalogRebuilt rebuilt) {}

    /**
     * Opens the catalog of {@code repository}, rebuilding it first when it is outdated.
     *
     * @param runLockHeld the command holds the catalog's run lock already
     */
    static Opened open(Environment env, CatalogOptions options, Repository repository, boolean runLockHeld)
            throws IOException {
        Optional<String> outdated;
        try {
            return new Opened(options.open(env, repository), null);
        } catch (IOException e) {
            outdated = Catalog.outdated(e);
            if (outdated.isEmpty()) {
                throw e;
            }
        }
        if (!runLockHeld) {
            try (RunLock lock = RunLock.acquire(
                    options.directory(env, repository),
                    "catalog rebuild",
                    "the catalog is " + outdated.get() + " and must be rebuilt before this command can use it: try"
                            + " again after that run ends")) {
                return open(env, options, repository, true);
            }
        }
        CatalogRebuilt rebuilt =
                CatalogRebuilder.rebuild(env, options, repository, new ProgressOptions(), outdated.get());
        env.err().println(rebuilt.line());
        return new Opened(options.open(env, repository), rebuilt);
    }
}
