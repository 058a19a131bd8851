package org.mailsnap.bench.year;

import java.time.Instant;
import java.util.Objects;
import org.mailsnap.mailgen.ChurnSpec;
import org.mailsnap.mailgen.StoreSpec;

/**
 * One simulated history: the store at the start, each hour's activity, how many hourly backups, and the policy
 * that thins them. The store's newest mail is a minute before {@link #start}, the first backup's time.
 *
 * @param churnPerHour the activity of every hour; its seed is replaced by {@code seed + hour}
 */
public record YearSpec(
        long seed, StoreSpec store, ChurnSpec churnPerHour, Instant start, int hours, Thinning thinning) {
    /** 2027 is not a leap year and starts on a Friday: its 8,760 hours are 12 whole months and 52 weeks and a day. */
    public static final Instant NEW_YEAR = Instant.parse("2027-01-01T00:00:00Z");

    public YearSpec {
        Objects.requireNonNull(store, "store");
        Objects.requireNonNull(churnPerHour, "churnPerHour");
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(thinning, "thinning");
        if (hours < 1) {
            throw new IllegalArgumentException("hours must be positive: " + hours);
        }
    }

    /**
     * Issue 13's year: 8,760 hourly backups of 4 mailboxes × 250 messages with the generator's typical mix; each hour
     * 1% flag changes, 0.2% keyword changes, 0.3% moves, 0.05% copies, every new message picked up, deliveries and
     * expunges (0.25% each, ~3). The store grows all the same: a list post lands in every subscribed mailbox and
     * copies add messages, so more arrives than is expunged.
     */
    public static YearSpec year(long seed) {
        StoreSpec store = store(seed, 4, 250).build();
        ChurnSpec churn = ChurnSpec.builder()
                .deliveryShare(0.0025)
                .expungeShare(0.0025)
                .contentOf(store)
                .build();
        return new YearSpec(seed, store, churn, NEW_YEAR, 8760, Thinning.ISSUE_13);
    }

    /**
     * The CI version: the same code and policy on {@code weeks} weeks of a store of 2 mailboxes × 60 messages
     * (attachments up to 256 KiB),
     * where every hour brings about 2 flag changes, 1 keyword change, 1 move, 1 delivery (2 for a list post) and
     * 2 expunges (the year's shares would round to none).
     */
    public static YearSpec weeks(long seed, int weeks) {
        StoreSpec store = store(seed, 2, 60).attachmentMaxBytes(256 << 10).build();
        ChurnSpec churn = ChurnSpec.builder()
                .flagChangeShare(0.02)
                .keywordChangeShare(0.01)
                .moveShare(0.01)
                .copyShare(0.002)
                .deliveryShare(0.01)
                .expungeShare(0.015)
                .contentOf(store)
                .build();
        return new YearSpec(seed, store, churn, NEW_YEAR, weeks * 7 * 24, Thinning.ISSUE_13);
    }

    public YearSpec withHours(int value) {
        return new YearSpec(seed, store, churnPerHour, start, value, thinning);
    }

    /** The time of backup {@code hour} (0 is the first). */
    public Instant backupTime(int hour) {
        return start.plusSeconds(3600L * hour);
    }

    /** Deliveries are made like the generated messages ({@code ChurnSpec.contentOf}). */
    private static StoreSpec.Builder store(long seed, int mailboxes, int messages) {
        return StoreSpec.builder()
                .seed(seed)
                .mailboxes(mailboxes)
                .messagesPerMailbox(messages)
                .lists(2)
                .end(NEW_YEAR.minusSeconds(60))
                .historyDays(365);
    }
}
