package org.mailsnap.cli;

import java.util.concurrent.Callable;
import org.mailsnap.check.DamageMarks;
import org.mailsnap.check.IndexRepair;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(
        name = "repair",
        description = {
            "Rebuild the repository's index from its packs, deleting nothing.",
            "Under an exclusive lock: index packs that no index lists, replace damaged index files and those listing",
            "missing packs. Then list the snapshots that still cannot be completed (exit 3) and mark their bad blobs in",
            "the local catalog, so the next backup stores again what the live store still has."
        },
        footer = {
            "",
            "Examples:",
            "  mailsnap check --read-data || mailsnap repair",
            "  mailsnap repair && mailsnap backup /var/vmail   # the backup re-stores what repair could not"
        })
final class RepairCommand implements Callable<Integer> {
    private final Environment env;

    @Mixin
    RepositoryAccessOptions repository;

    @Mixin
    CatalogOptions catalog;

    @picocli.CommandLine.Option(names = "--json", description = "Print one JSON object (schema in README).")
    boolean json;

    RepairCommand(Environment env) {
        this.env = env;
    }

    @Override
    public Integer call() throws Exception {
        try (Session session = Session.open(env, repository, catalog)) {
            IndexRepair.Result r = new IndexRepair(session.repository).run();
            org.mailsnap.history.CatalogSync.blobIndex(session.repository, session.catalog);
            DamageMarks.record(session.catalog, r.after());
            boolean intact = r.after().clean() && r.unreadablePacks().isEmpty();
            if (json) {
                RepairText.warnings(r, env.err());
                env.out().println(Json.object(session.json(MaintenanceJson.repair(r))));
            } else {
                RepairText.print(r, intact, env.out(), env.err());
            }
            return intact ? ExitCode.OK.code() : ExitCode.PARTIAL.code();
        }
    }
}
