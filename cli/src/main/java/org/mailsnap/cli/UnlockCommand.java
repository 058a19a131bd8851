package org.mailsnap.cli;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import org.mailsnap.repository.LockInfo;
import org.mailsnap.repository.Repository;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(
        name = "unlock",
        description = {
            "Remove stale repository locks: those not refreshed for 30 minutes, left by killed runs.",
            "Locks of running backups and prunes are kept and listed."
        },
        footer = {
            "",
            "Examples:",
            "  mailsnap unlock",
            "  mailsnap unlock --remove-all   # also locks that look alive: only when no mailsnap runs anywhere"
        })
final class UnlockCommand implements Callable<Integer> {
    private final Environment env;

    @Mixin
    RepositoryAccessOptions repository;

    @Option(
            names = "--remove-all",
            description = "Remove every lock, also fresh and unreadable ones. Only when no "
                    + "mailsnap process on any host uses the repository: removing a running prune's lock lets a backup run "
                    + "beside it.")
    boolean removeAll;

    @picocli.CommandLine.Option(names = "--json", description = "Print one JSON object (schema in README).")
    boolean json;

    UnlockCommand(Environment env) {
        this.env = env;
    }

    @Override
    public Integer call() throws Exception {
        Repository repo = repository.open(env);
        try {
            Instant now = Instant.now();
            List<LockInfo> locks = repo.listLocks();
            List<LockInfo> removed = new java.util.ArrayList<>();
            List<LockInfo> kept = new java.util.ArrayList<>();
            if (removeAll) {
                long live = locks.stream().filter(l -> !l.stale()).count();
                if (live > 0) {
                    env.err()
                            .println("mailsnap: warning: removing " + live + " lock(s) that are not stale; if their "
                                    + "process still runs, the repository is no longer protected from it");
                }
                for (LockInfo lock : locks) {
                    repo.removeLock(lock.id());
                    removed.add(lock);
                }
            } else {
                for (LockInfo lock : locks) {
                    if (lock.stale()) {
                        repo.removeLock(lock.id());
                        removed.add(lock);
                    } else {
                        kept.add(lock);
                    }
                }
            }
            if (json) {
                env.out().println(Json.object(MaintenanceJson.unlock(removed, kept, now)));
            } else {
                UnlockText.print(removed, kept, now, env.out());
            }
            return ExitCode.OK.code();
        } finally {
            repo.close();
            repo.storage().close();
        }
    }
}
