package org.mailsnap.cli;

import java.io.IOException;
import org.mailsnap.catalog.SnapshotSummary;
import org.mailsnap.history.SnapshotHistory;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Option;

/** {@code --snapshot ID} or {@code --at TIME}: which moment a command reads. */
final class SnapshotChoice {
    @ArgGroup(exclusive = true, multiplicity = "1")
    Choice choice;

    static final class Choice {
        @Option(
                names = {"-s", "--snapshot"},
                paramLabel = "ID",
                description = "A snapshot id, a unique prefix of one, or 'latest'.")
        String id;

        @Option(
                names = "--at",
                paramLabel = "TIME",
                description = "The newest snapshot at or before TIME: ISO-8601 (2026-11-24T10:00, 2026-11-24), "
                        + "relative (2h, 3d), 'yesterday 10:00', 'now'. A time to the second (as 'snapshots' prints it) "
                        + "or minute means the end of that second or minute.")
        String at;
    }

    /** @param clock what {@code --at} counts from ({@link Environment#clock()}) */
    SnapshotSummary resolve(SnapshotHistory history, java.time.Clock clock) throws IOException {
        if (choice.id != null) {
            return history.named(choice.id, null);
        }
        return history.at(TimeExpressions.parseEnd(choice.at, clock), null);
    }
}
