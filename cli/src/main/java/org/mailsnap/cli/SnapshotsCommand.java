package org.mailsnap.cli;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.mailsnap.catalog.SnapshotSummary;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "snapshots", description = "List the snapshots in the repository, oldest first.")
final class SnapshotsCommand implements Callable<Integer> {
    static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
            .withZone(ZoneId.systemDefault());
    private final Environment env;

    @Mixin RepositoryOptions repository;
    @Mixin CatalogOptions catalog;

    @Option(names = "--json", description = "Print a JSON array.")
    boolean json;

    SnapshotsCommand(Environment env) {
        this.env = env;
    }

    @Override
    public Integer call() throws Exception {
        try (Session session = Session.open(env, repository, catalog)) {
            List<SnapshotSummary> all = session.history().all();
            if (json) {
                List<Object> rows = new ArrayList<>();
                for (SnapshotSummary s : all) {
                    Map<String, Object> o = new LinkedHashMap<>();
                    o.put("id", s.id());
                    o.put("time", s.time().toString());
                    o.put("host", s.host());
                    o.put("store", s.storeKey());
                    o.put("messages", s.messageCount());
                    rows.add(o);
                }
                env.out().println(Json.value(rows));
                return 0;
            }
            env.out().printf("%-12s  %-19s  %10s  %s%n", "ID", "TIME", "MESSAGES", "HOST:STORE");
            for (SnapshotSummary s : all) {
                env.out().printf("%-12s  %-19s  %10d  %s%n", s.id().substring(0, 12), TIME.format(s.time()),
                        s.messageCount(), s.storeKey());
            }
            env.out().printf("%d snapshots%n", all.size());
        }
        return 0;
    }
}
