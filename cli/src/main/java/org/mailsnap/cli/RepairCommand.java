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
                r.unreadablePacks().forEach(f -> env.err().println("warning: " + f));
                env.out().println(Json.object(MaintenanceJson.repair(r)));
                return intact ? ExitCode.OK.code() : ExitCode.PARTIAL.code();
            }
            env.out()
                    .printf(
                            "indexed %d packs anew, replaced %d index files, wrote %d index files%n",
                            r.indexedAnew().size(),
                            r.replaced().size(),
                            r.written().size());
            r.replaced()
                    .forEach(id ->
                            env.out().println("  superseded index " + id.hex().substring(0, 12)));
            r.unreadablePacks().forEach(f -> env.err().println("warning: " + f));
            if (intact) {
                env.out().println("the repository's structure is intact");
                return ExitCode.OK.code();
            }
            env.out().println("still damaged (run 'mailsnap check' for the messages concerned):");
            r.after().damage().forEach(f -> env.out().println("  " + f));
            r.after()
                    .snapshots()
                    .forEach(s -> env.out()
                            .println("  snapshot " + s.id().substring(0, 12)
                                    + " cannot be completed: " + (s.messages() > 0 ? s.messages() + " messages" : "")
                                    + String.join("; ", s.problems())));
            return ExitCode.PARTIAL.code();
        }
    }
}
