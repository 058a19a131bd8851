package org.mailsnap.cli;

import java.util.concurrent.Callable;
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
                try (RunLock lock = RunLock.acquire(catalog.directory(env, repo), "catalog rebuild")) {
                    CatalogRebuilt r = CatalogRebuilder.rebuild(env, catalog, repo, progressOptions, null);
                    if (json) {
                        env.out()
                                .println(Json.object(MaintenanceJson.rebuild(
                                        r.directory().toString(), r.result(), r.headersUnreadable())));
                    } else {
                        CatalogText.rebuilt(r.directory(), r.result(), env.out());
                    }
                    return r.result().partial() ? ExitCode.PARTIAL.code() : 0;
                } finally {
                    repo.storage().close();
                }
            }
        }
    }
}
