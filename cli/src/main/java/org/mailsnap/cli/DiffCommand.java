package org.mailsnap.cli;

import java.util.concurrent.Callable;
import org.mailsnap.catalog.CatalogReader;
import org.mailsnap.catalog.SnapshotSummary;
import org.mailsnap.diff.DiffTotals;
import org.mailsnap.diff.SnapshotDiff;
import org.mailsnap.history.SnapshotHistory;
import org.mailsnap.snapshot.Snapshot;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * What changed between two snapshots ({@link SnapshotDiff}), rendered by {@link DiffText} or {@link DiffJson}; Date,
 * From and Subject come from the catalog's search index.
 */
@Command(
        name = "diff",
        description = {
            "Show messages added, expunged, moved and re-flagged between two snapshots.",
            "Each message by date, From, Subject and flags in words; --long adds its file name."
        },
        footer = {
            "",
            "Examples:",
            "  mailsnap diff 3f2a9c1b latest",
            "  mailsnap diff 3f2a9c1b 7c01d2e4 --long",
            "  mailsnap diff 3f2a9c1b latest --json"
        })
final class DiffCommand implements Callable<Integer> {
    private final Environment env;

    @Mixin
    RepositoryAccessOptions repository;

    @Mixin
    CatalogOptions catalog;

    @Parameters(index = "0", paramLabel = "SNAPSHOT1", description = "The earlier snapshot: id, prefix or 'latest'.")
    String first;

    @Parameters(index = "1", paramLabel = "SNAPSHOT2", description = "The later snapshot: id, prefix or 'latest'.")
    String second;

    @Option(
            names = {"-l", "--long"},
            description = "Also show each message's file name (with its flags letters).")
    boolean withFileNames;

    @Option(names = "--json", description = "Print one JSON object (schema in README).")
    boolean json;

    DiffCommand(Environment env) {
        this.env = env;
    }

    @Override
    public Integer call() throws Exception {
        try (Session session = Session.open(env, repository, catalog)) {
            SnapshotHistory history = session.history();
            SnapshotSummary a = history.named(first, null);
            SnapshotSummary b = history.named(second, null);
            Snapshot before = history.open(a);
            Snapshot after = history.open(b);
            DiffPrinter printer =
                    json ? new DiffJson(env.out(), a.id(), b.id()) : new DiffText(env.out(), withFileNames);
            DiffTotals totals;
            try (CatalogReader index = session.catalog.read()) {
                totals = new SnapshotDiff(session.blobs().inStoredOrder()::get, index::message)
                        .diff(before, after, printer);
            }
            printer.end(totals);
        }
        return 0;
    }
}
