package org.mailsnap.prune;

import java.io.IOException;
import java.time.Duration;
import org.mailsnap.repository.Repository;

/** Prunes for tests: at once, failing as {@code mailsnap prune} does when another process holds a lock. */
public final class Pruning {
    /** What {@code mailsnap prune} does without options: {@code --max-unused 5%}. */
    public static final PruneOptions DEFAULTS = new PruneOptions(0.05, false);

    private Pruning() {}

    public static PruneResult prune(Repository repository, PruneOptions options) throws IOException {
        return prune(repository, options, new PruneProgress());
    }

    /** Without waiting: a conflicting lock makes it fail with {@code RepositoryLockedException}, naming the holder. */
    public static PruneResult prune(Repository repository, PruneOptions options, PruneProgress progress)
            throws IOException {
        return new Prune(repository, options, progress).run(Duration.ZERO, Duration.ZERO, holder -> {});
    }
}
