package org.mailsnap.cli;

import java.io.IOException;
import java.nio.file.Path;
import org.mailsnap.catalog.Catalog;
import org.mailsnap.recovery.CatalogRebuild;
import org.mailsnap.recovery.RebuildProgress;
import org.mailsnap.recovery.RebuildResult;
import org.mailsnap.repository.Repository;

/**
 * Rebuilds the local catalog from the repository, for {@code catalog rebuild} and for a command that found it
 * outdated ({@link CatalogOpening}); the caller holds the catalog's {@link RunLock}. The old catalog is deleted, an
 * empty one marked unfinished takes its place ({@link Catalog#recreate}), and only a rebuild that completes marks it
 * whole: one killed half-way is rebuilt again by the next command, never used.
 */
final class CatalogRebuilder {
    private CatalogRebuilder() {}

    /**
     * Rebuilds and closes the catalog; the warnings (damaged snapshots skipped, …) go to stderr.
     *
     * @param reason why, for a rebuild nobody asked for (see {@link CatalogRebuilt}); null for {@code catalog rebuild}
     */
    static CatalogRebuilt rebuild(
            Environment env,
            CatalogOptions options,
            Repository repository,
            ProgressOptions progressOptions,
            String reason)
            throws IOException {
        Path directory = options.directory(env, repository);
        try (Catalog fresh = options.recreate(env, repository)) {
            RebuildProgress progress = new RebuildProgress();
            RebuildResult result;
            try (ProgressTicker ticker = ProgressTicker.start(
                    env,
                    progressOptions,
                    seconds -> ProgressLines.rebuild(progress, seconds),
                    seconds -> ProgressEvents.rebuild(progress, seconds))) {
                result = new CatalogRebuild(repository, fresh).run(progress);
            }
            CatalogRebuilt rebuilt = new CatalogRebuilt(directory, reason, result, progress.headersUnreadable.get());
            CatalogText.warnings(result, rebuilt.headersUnreadable(), env.err());
            return rebuilt;
        }
    }
}
