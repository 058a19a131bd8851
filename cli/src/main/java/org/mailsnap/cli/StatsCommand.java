package org.mailsnap.cli;

import java.util.concurrent.Callable;
import org.mailsnap.stats.RepositoryStats;
import org.mailsnap.stats.StatsCollector;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(
        name = "stats",
        description = {
            "Show the repository's size, what deduplication and compression save, and how fast it grows.",
            "Deduplication is shown overall (the message bytes of all snapshots against what is stored) and across",
            "mailboxes (blobs stored once though several mailboxes reference them, such as list mail). Growth per day",
            "counts the blobs first referenced after the oldest snapshot. --mailbox adds one mailbox's share: the bytes",
            "only it references are what forgetting it ('forget --mailbox') and pruning frees."
        },
        footer = {
            "",
            "Examples:",
            "  mailsnap stats",
            "  mailsnap stats --mailbox example.org/anne",
            "  mailsnap stats --json"
        })
final class StatsCommand implements Callable<Integer> {
    private final Environment env;

    @Mixin
    RepositoryAccessOptions repository;

    @Mixin
    CatalogOptions catalog;

    @Option(names = "--mailbox", paramLabel = "MAILBOX", description = "Also show this mailbox's share.")
    String mailbox;

    @Option(names = "--json", description = "Print one JSON object (schema in README).")
    boolean json;

    StatsCommand(Environment env) {
        this.env = env;
    }

    @Override
    public Integer call() throws Exception {
        try (Session session = Session.open(env, repository, catalog)) {
            RepositoryStats stats = new StatsCollector(
                            session.repository,
                            session.history(),
                            session.blobs().inStoredOrder()::get,
                            session.catalog.blobs(),
                            session.catalog.blobs().size())
                    .collect(mailbox);
            if (json) {
                env.out().println(Json.object(session.json(StatsJson.of(stats))));
            } else {
                StatsText.print(stats, env.out());
            }
            stats.skipped().forEach(d -> env.err().println("warning: " + d.describe() + "; the figures leave it out"));
            return stats.skipped().isEmpty() ? ExitCode.OK.code() : ExitCode.PARTIAL.code();
        }
    }
}
