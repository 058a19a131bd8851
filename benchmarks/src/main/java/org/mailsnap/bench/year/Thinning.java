package org.mailsnap.bench.year;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The retention policy a simulated history is thinned by, written once: the words {@code mailsnap forget} takes
 * (in-process every simulated day, as a process for the measured final run) and restic's counterpart, and the
 * counts the {@link RetentionOracle} reads.
 *
 * @param deletedWithin {@code --keep-deleted-within}: every message expunged within this span stays restorable
 */
public record Thinning(int hourly, int daily, int weekly, int monthly, Optional<Duration> deletedWithin) {

    /**
     * Issue 13's policy, {@code --keep-deleted-within 90d} included: every forget is given it, so the newest snapshot
     * carries the deleted-mail ledger and {@link YearSimulation#verifyDeletedMessagesRestorable()} checks it.
     */
    public static final Thinning ISSUE_13 = new Thinning(48, 30, 12, 12, Optional.of(Duration.ofDays(90)));

    /** The bucket rules as {@code mailsnap forget} and {@code restic forget} both spell them. */
    public List<String> keepArguments() {
        return List.of(
                "--keep-hourly",
                Integer.toString(hourly),
                "--keep-daily",
                Integer.toString(daily),
                "--keep-weekly",
                Integer.toString(weekly),
                "--keep-monthly",
                Integer.toString(monthly));
    }

    /** Everything {@code mailsnap forget} is given: the bucket rules, and the mail-aware rule when set. */
    public List<String> mailsnapArguments() {
        List<String> words = new ArrayList<>(keepArguments());
        deletedWithin.ifPresent(d -> words.addAll(List.of("--keep-deleted-within", d.toDays() + "d")));
        return words;
    }
}
