package org.mailsnap.bench.year;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Rebuilds the saved state of a paused {@link YearSimulation} whose state file was lost, so that the hours already
 * simulated (and the restic history run next to them) are not thrown away. The state is what the simulation held in
 * memory: each hour's store digest, the messages' lives and the counters. All of it follows from the seed, because
 * the store is generated from it and each hour's churn is seeded by the hour's number and reads a sorted listing of
 * the store. So this replays mailsnap's side of the history (store, hourly backups, daily forget and Monday prune;
 * no restic) in a scratch directory for the same number of hours, and only when the replayed store is file for file
 * the paused one ({@link YearSimulation#sameStoreAsNow}: names, sizes, contents, the messages' mtimes) does it
 * write the state beside the paused store, repository and catalog. The one thing a replay cannot give back is the
 * wall-clock mtime the churn gave each {@code dovecot-uidlist} and {@code dovecot-keywords}: the replayed hours'
 * digests leave control files' mtimes out, so the restores of those hours are checked in everything else. The
 * counters of time by part are the replay's own (the same in-process work, timed again). Usage:
 * <pre>
 * PausedStateReplay --work WORK/mailsnap --scratch DIR --hours HOURS_DONE [--seed 1]
 * </pre>
 */
public final class PausedStateReplay {
    private PausedStateReplay() {}

    public static void main(String[] args) throws IOException {
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            options.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        Path paused = Path.of(options.get("work")).toAbsolutePath();
        Path scratch = Path.of(options.get("scratch")).toAbsolutePath();
        int hours = Integer.parseInt(options.get("hours"));
        YearSpec spec = YearSpec.year(Long.parseLong(options.getOrDefault("seed", "1")));
        long began = System.nanoTime();
        rebuild(spec, paused, scratch, hours);
        System.err.printf(
                Locale.ROOT,
                "replayed %d hours in %.0f s; the store matches %s/store; its state is saved there%n",
                hours,
                seconds(began),
                paused);
    }

    /**
     * Replays {@code hours} hours of {@code spec} in {@code scratch} (empty or absent) and, when the replayed store
     * is {@code paused}'s store, saves the state as {@code paused}'s; otherwise throws and writes nothing there.
     */
    public static void rebuild(YearSpec spec, Path paused, Path scratch, int hours) throws IOException {
        if (YearSimulation.paused(paused)) {
            throw new IOException(paused + " has its saved state: resume it instead");
        }
        if (!Files.isDirectory(paused.resolve("store"))) {
            throw new IOException(paused + ": no store to compare the replay with");
        }
        long began = System.nanoTime();
        try (YearSimulation replay = YearSimulation.createReplay(spec, scratch)) {
            YearSimulation.Observer progress = new YearSimulation.Observer() {
                @Override
                public void afterBackup(int hour, Instant time, Path store) {
                    if (hour % 168 == 167) {
                        System.err.printf(
                                Locale.ROOT, "replay: hour %d (%s), %.0f s%n", hour + 1, time, seconds(began));
                    }
                }
            };
            replay.advance(hours, progress);
            if (replay.hoursDone() != hours) {
                throw new IOException("the replay ran " + replay.hoursDone() + " hours, not " + hours);
            }
            if (!replay.sameStoreAsNow(paused.resolve("store"))) {
                throw new IOException("after " + hours + " replayed hours the store differs from " + paused
                        + "/store: not the same history (seed, hours or generator), nothing written");
            }
            replay.pauseAs(paused);
        }
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }
}
