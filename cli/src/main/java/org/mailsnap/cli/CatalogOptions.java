package org.mailsnap.cli;

import java.io.IOException;
import java.nio.file.Path;
import org.mailsnap.catalog.Catalog;
import org.mailsnap.repository.Repository;
import picocli.CommandLine.Option;

/**
 * Where the local catalog lives: {@code --catalog}, {@code $MAILSNAP_CATALOG}, else
 * {@code $XDG_CACHE_HOME/mailsnap/<repository id>} or {@code ~/.cache/mailsnap/<repository id>}. It is a cache:
 * deleting it costs a {@code catalog rebuild}, never data.
 */
final class CatalogOptions {
    @Option(names = "--catalog", paramLabel = "DIR",
            description = "Local catalog directory (default: $MAILSNAP_CATALOG or ~/.cache/mailsnap/<repo id>).")
    Path catalog;

    Path directory(Environment env, Repository repository) {
        if (catalog != null) {
            return catalog;
        }
        if (env.get("MAILSNAP_CATALOG") != null) {
            return Path.of(env.get("MAILSNAP_CATALOG"));
        }
        String cache = env.get("XDG_CACHE_HOME");
        Path base = cache != null ? Path.of(cache) : Path.of(System.getProperty("user.home"), ".cache");
        return base.resolve("mailsnap").resolve(repository.config().repositoryId());
    }

    Catalog open(Environment env, Repository repository) throws IOException {
        return Catalog.open(directory(env, repository), repository.config().repositoryId());
    }
}
