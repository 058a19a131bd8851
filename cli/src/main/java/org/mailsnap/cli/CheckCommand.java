package org.mailsnap.cli;

import java.security.SecureRandom;
import java.util.concurrent.Callable;
import org.mailsnap.catalog.CatalogReader;
import org.mailsnap.check.CheckProgress;
import org.mailsnap.check.CheckResult;
import org.mailsnap.check.Checker;
import org.mailsnap.check.DamageMarks;
import org.mailsnap.check.DataSelection;
import org.mailsnap.check.MessageLookup;
import org.mailsnap.repository.RepositoryLock;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(
        name = "check",
        description = {
            "Verify that the repository is whole, and with --read-data every byte of it.",
            "Every snapshot, tree and manifest must decode, every referenced blob be in a live index, every indexed pack",
            "exist and its header parse; with --read-data every blob is decrypted and verified. Damage is named by",
            "snapshot, mailbox, folder and message, and marked in the local catalog so that the next backup stores those",
            "messages again from the live store. Leftovers of killed runs (stale locks, unindexed packs) are listed but",
            "are not damage."
        },
        footer = {
            "",
            "Examples:",
            "  mailsnap check",
            "  mailsnap check --read-data",
            "  mailsnap check --read-data-subset $(( $(date +%%H) + 1 ))/24   # all data once a day, hourly"
        })
final class CheckCommand implements Callable<Integer> {
    private final Environment env;

    @Mixin
    RepositoryAccessOptions repository;

    @Mixin
    CatalogOptions catalog;

    @Mixin
    ProgressOptions progressOptions;

    @Option(names = "--read-data", description = "Read every pack whole and verify every blob.")
    boolean readData;

    @Option(
            names = "--read-data-subset",
            paramLabel = "n/N|P%",
            description = {
                "Read only a share of the packs:",
                "n/N the n-th of N buckets of pack ids (hourly with 1/24 .. 24/24 covers all in a day), P%% a random",
                "share."
            })
    String subset;

    @Option(names = "--json", description = "Print the result as one JSON object.")
    boolean json;

    @Option(
            names = "--no-lock",
            description = {
                "Take no shared lock (a read-only repository); a prune running",
                "meanwhile may then make deleted packs look like damage."
            })
    boolean noLock;

    CheckCommand(Environment env) {
        this.env = env;
    }

    @Override
    public Integer call() throws Exception {
        if (readData && subset != null) {
            throw new UserError(ExitCode.USAGE, "--read-data and --read-data-subset exclude each other");
        }
        DataSelection data = readData
                ? DataSelection.ALL
                : subset != null ? DataSelection.parse(subset, new SecureRandom()) : DataSelection.NONE;
        try (Session session = Session.open(env, repository, catalog)) {
            CheckResult result;
            // shared: backups may run meanwhile, a prune (exclusive) may not delete packs under our feet
            try (RepositoryLock lock = noLock ? null : session.repository.lockShared();
                    CatalogReader reader = session.catalog.read()) {
                CheckProgress progress = new CheckProgress();
                try (ProgressTicker ticker = ProgressTicker.start(
                        env,
                        progressOptions,
                        seconds -> ProgressLines.check(progress, seconds),
                        seconds -> ProgressEvents.check(progress, seconds))) {
                    result = new Checker(
                                    session.repository,
                                    data,
                                    MessageLookup.of(reader),
                                    session.catalog.blobs().damagedLocations(),
                                    progress)
                            .run();
                }
            }
            if (json) {
                CheckReportPrinter.json(result, env.out());
            } else {
                CheckReportPrinter.text(result, env.out());
            }
            DamageMarks.Result marked = DamageMarks.record(session.catalog, result);
            if (marked.blobsDropped() + marked.placementsDropped() + marked.foldersRelisted() > 0) {
                env.err()
                        .printf(
                                "marked in the catalog: %d blob locations dropped; the next backup reads %d "
                                        + "messages again and lists %d folders again%n",
                                marked.blobsDropped(), marked.placementsDropped(), marked.foldersRelisted());
            }
            if (marked.marksCleared() > 0) {
                env.err()
                        .printf(
                                "cleared in the catalog: %d blob locations marked bad were read and verified intact;"
                                        + " backups deduplicate against them again%n",
                                marked.marksCleared());
            }
            return result.clean() ? ExitCode.OK.code() : ExitCode.FAILURE.code();
        }
    }
}
