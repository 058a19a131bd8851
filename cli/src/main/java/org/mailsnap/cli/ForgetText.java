package org.mailsnap.cli;

import java.io.PrintWriter;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.mailsnap.retention.Decision;
import org.mailsnap.retention.DeletedMailLedger;
import org.mailsnap.retention.ForgetPlan;
import org.mailsnap.retention.LedgerTally;

/**
 * {@code forget} as text: per group the decision for each snapshot with its reasons, each store's deleted-mail
 * ledger, then how many snapshots were (or would be) removed; {@link ForgetJson} is the {@code --json} form.
 */
final class ForgetText {
    private ForgetText() {}

    /** Per group, a table of the snapshots kept and removed; times in {@code zone}, the zone the buckets follow. */
    static void plan(ForgetPlan plan, ZoneId zone, PrintWriter out) {
        DateTimeFormatter time =
                DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(zone);
        for (ForgetPlan.Group group : plan.groups()) {
            out.printf(
                    "%s: keep %d, remove %d%n",
                    group.key().isEmpty() ? "all snapshots" : group.key(),
                    group.decisions().stream().filter(Decision::keep).count(),
                    group.decisions().stream().filter(d -> !d.keep()).count());
            out.printf("  %-12s  %-19s  %-6s  %s%n", "ID", "TIME", "ACTION", "REASONS");
            for (Decision d : group.decisions()) {
                out.printf(
                        "  %-12s  %-19s  %-6s  %s%n",
                        d.snapshot().id().shortId(),
                        time.format(d.snapshot().time()),
                        d.keep() ? "keep" : "remove",
                        String.join(", ", d.reasons()));
            }
        }
    }

    /** Each store's deleted-mail ledger: what it keeps, and the snapshot carrying it. */
    static void ledgers(List<DeletedMailLedger.Outcome> ledgers, boolean dryRun, PrintWriter out) {
        for (DeletedMailLedger.Outcome o : ledgers) {
            LedgerTally t = o.tally();
            String carrier = dryRun
                    ? "would be carried by a replacement of " + o.replaced().shortId()
                    : o.by() == null
                            ? "unchanged, carried by " + o.replaced().shortId()
                            : "carried by " + o.by().shortId() + ", which replaces "
                                    + o.replaced().shortId();
            out.printf(
                    "deleted mail of %s: %d messages (%s) kept restorable (%d newly, %d still within the "
                            + "window, %d expired); %s%n",
                    o.store(), t.entries(), Units.bytes(t.bytes()), t.added(), t.carried(), t.expired(), carrier);
        }
    }

    /** The last line: {@code removed} of the plan's snapshots, or with {@code dryRun} those that would be. */
    static void removed(int removed, ForgetPlan plan, boolean dryRun, PrintWriter out) {
        int total = plan.removed().size() + plan.kept().size();
        if (dryRun) {
            out.printf("would remove %d of %d snapshots (dry run: nothing changed)%n", removed, total);
        } else {
            out.printf("removed %d of %d snapshots%n", removed, total);
        }
    }
}
