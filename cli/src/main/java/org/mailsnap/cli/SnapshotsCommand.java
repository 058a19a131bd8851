package org.mailsnap.cli;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.concurrent.Callable;
import org.mailsnap.catalog.SnapshotSummary;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(
        name = "snapshots",
        description = "List the snapshots in the repository, oldest first.",
        footer = {"", "Examples:", "  mailsnap snapshots", "  mailsnap snapshots --json"})
final class SnapshotsCommand implements Callable<Integer> {
    static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneId.systemDefault());
    private final Environment env;

    @Mixin
    RepositoryAccessOptions repository;

    @Mixin
    CatalogOptions catalog;

    @Option(names = "--json", description = "Print one JSON object: {\"snapshots\": [...]} (schema in README).")
    boolean json;

    SnapshotsCommand(Environment env) {
        this.env = env;
    }

    @Override
    public Integer call() throws Exception {
        try (Session session = Session.open(env, repository, catalog)) {
            List<SnapshotSummary> all = session.history().all();
            if (json) {
                env.out().println(Json.object(session.json(SnapshotsReport.json(all))));
            } else {
                SnapshotsReport.text(all, env.out());
            }
        }
        return 0;
    }
}
