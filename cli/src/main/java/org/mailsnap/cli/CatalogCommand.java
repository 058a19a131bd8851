package org.mailsnap.cli;

import java.util.concurrent.Callable;
import org.mailsnap.catalog.Catalog;
import org.mailsnap.recovery.CatalogRebuild;
import org.mailsnap.recovery.RebuildProgress;
import org.mailsnap.recovery.RebuildResult;
import org.mailsnap.repository.Repository;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** The local catalog: a cache that can always be rebuilt from the repository and the password. */
@Command(
        name = "catalog",
        description = "Manage the local catalog.",
        subcommands = CatalogCommand.Rebuild.class,
        footer = {
            "",
            "Examples:",
            "  mailsnap catalog rebuild",
            "  mailsnap catalog rebuild --catalog /var/cache/mailsnap/catalog"
        })
final class CatalogCommand {

    @Command(
            name = "rebuild",
            description = {
                "Rebuild the local catalog from the repository alone.",
                "On a new machine, or after losing the catalog: restores work again and the next backup stays",
                "incremental."
            },
            footer = {"", "Examples:", "  mailsnap catalog rebuild"})
    static final class Rebuild implements Callable<Integer> {
        private final Environment env;

        @Mixin
        RepositoryAccessOptions repository;

        @Mixin
        CatalogOptions catalog;

        @Mixin
        ProgressOptions progressOptions;

        @picocli.CommandLine.Option(names = "--json", description = "Print one JSON object (schema in README).")
        boolean json;

        Rebuild(Environment env) {
            this.env = env;
        }

        @Override
        public Integer call() throws Exception {
            try (Repository repo = repository.open(env, id -> catalog.unlockCache(env, id))) {
                try {
                    var dir = catalog.directory(env, repo);
                    try (RunLock lock = RunLock.acquire(dir, "catalog rebuild")) {
                        Catalog.delete(dir);
                        int code = rebuild(repo, dir);
                        if (code != 0) {
                            return code;
                        }
                    }
                } finally {
                    repo.storage().close();
                }
            }
            return 0;
        }

        /** Rebuilds and reports; returns the exit code (3 when a damaged snapshot was skipped). */
        private int rebuild(Repository repo, java.nio.file.Path dir) throws Exception {
            try (Catalog fresh = catalog.open(env, repo)) {
                RebuildProgress progress = new RebuildProgress();
                RebuildResult r;
                try (ProgressTicker ticker = ProgressTicker.start(
                        env,
                        progressOptions,
                        seconds -> ProgressLines.rebuild(progress, seconds),
                        seconds -> ProgressEvents.rebuild(progress, seconds))) {
                    r = new CatalogRebuild(repo, fresh).run(progress);
                }
                if (json) {
                    env.out()
                            .println(Json.object(
                                    MaintenanceJson.rebuild(dir.toString(), r, progress.headersUnreadable.get())));
                } else {
                    CatalogText.rebuilt(dir, r, env.out());
                }
                CatalogText.warnings(r, progress.headersUnreadable.get(), env.err());
                return r.partial() ? ExitCode.PARTIAL.code() : 0;
            }
        }
    }
}
