package org.mailsnap.cli;

import java.io.IOException;
import java.nio.file.Path;
import org.mailsnap.catalog.Catalog;
import org.mailsnap.fs.FileNames;
import org.mailsnap.repository.Repository;
import picocli.CommandLine.Option;

/**
 * Where the local catalog lives: {@code --catalog}, {@code $MAILSNAP_CATALOG}, else
 * {@code $XDG_CACHE_HOME/mailsnap/<repository id>} or {@code ~/.cache/mailsnap/<repository id>}. It is a cache:
 * deleting it costs a {@code catalog rebuild}, never data.
 */
final class CatalogOptions {
    @Option(
            names = "--catalog",
            paramLabel = "DIR",
            description = "Local catalog directory (default: $MAILSNAP_CATALOG or ~/.cache/mailsnap/<repo id>).")
    Path catalog;

    Path directory(Environment env, Repository repository) {
        return directory(env, repository.config().repositoryId());
    }

    /** The unlock cache sits beside the catalog directory, never inside it. */
    Path unlockCache(Environment env, String repositoryId) {
        Path dir = directory(env, repositoryId).toAbsolutePath();
        return FileNames.child(dir.getParent(), FileNames.nameOf(dir) + ".unlock");
    }

    Path directory(Environment env, String repositoryId) {
        if (catalog != null) {
            return catalog;
        }
        if (env.get("MAILSNAP_CATALOG") != null) {
            return FileNames.path(env.get("MAILSNAP_CATALOG"));
        }
        String cache = env.get("XDG_CACHE_HOME");
        Path base = cache != null
                ? FileNames.path(cache)
                : FileNames.path(System.getProperty("user.home")).resolve(".cache");
        return base.resolve("mailsnap").resolve(repositoryId);
    }

    /** Opens the catalog; warns (one line) when it had to make an existing catalog owner-only. */
    Catalog open(Environment env, Repository repository) throws IOException {
        return warned(
                env, Catalog.open(inUse(env, repository), repository.config().repositoryId()));
    }

    /** Replaces the catalog with an empty one marked unfinished, for a rebuild ({@link Catalog#recreate}). */
    Catalog recreate(Environment env, Repository repository) throws IOException {
        return warned(
                env,
                Catalog.recreate(inUse(env, repository), repository.config().repositoryId()));
    }

    private Path inUse(Environment env, Repository repository) {
        Path directory = directory(env, repository);
        env.catalogInUse().set(directory);
        return directory;
    }

    private static Catalog warned(Environment env, Catalog opened) {
        opened.permissionWarning().ifPresent(w -> env.err().println("mailsnap: warning: " + w));
        return opened;
    }
}
