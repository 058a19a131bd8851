package org.mailsnap.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.mailsnap.prune.PruneResult;
import org.mailsnap.retention.Decision;
import org.mailsnap.retention.DeletedMailLedger;
import org.mailsnap.retention.ForgetPlan;

/** {@code forget --json} with a policy: the plan, what was removed, and the prune that followed; see the README. */
final class ForgetJson {
    private ForgetJson() {}

    /**
     * @param deleted snapshots deleted, or null on a dry run
     * @param ledgers each store's deleted-mail ledger ({@code --keep-deleted-within}), or empty
     * @param prune   the prune run afterwards ({@code --prune}), or null
     */
    static Map<String, Object> of(
            ForgetPlan plan,
            boolean dryRun,
            Integer deleted,
            List<DeletedMailLedger.Outcome> ledgers,
            PruneResult prune) {
        Map<String, Object> o = new LinkedHashMap<>();
        o.put("dryRun", dryRun);
        List<Object> groups = new ArrayList<>();
        for (ForgetPlan.Group group : plan.groups()) {
            List<Object> decisions = new ArrayList<>();
            for (Decision d : group.decisions()) {
                Map<String, Object> decision = new LinkedHashMap<>();
                decision.put("id", d.snapshot().id());
                decision.put("time", d.snapshot().time().toString());
                decision.put("keep", d.keep());
                decision.put("reasons", d.reasons());
                decisions.add(decision);
            }
            Map<String, Object> g = new LinkedHashMap<>();
            g.put("key", group.key());
            g.put("snapshots", decisions);
            groups.add(g);
        }
        o.put("groups", groups);
        o.put("kept", plan.kept().size());
        o.put("removed", plan.removed().size());
        o.put("deleted", deleted);
        o.put("unreadable", plan.unreadable());
        List<Object> deletedMail = new ArrayList<>();
        for (DeletedMailLedger.Outcome l : ledgers) {
            Map<String, Object> ledger = new LinkedHashMap<>();
            ledger.put("store", l.store());
            ledger.put("messages", l.tally().entries());
            ledger.put("bytes", l.tally().bytes());
            ledger.put("added", l.tally().added());
            ledger.put("carried", l.tally().carried());
            ledger.put("expired", l.tally().expired());
            ledger.put("replaced", l.replaced());
            ledger.put("by", l.by());
            deletedMail.add(ledger);
        }
        o.put("deletedMail", deletedMail);
        o.put("prune", prune == null ? null : PruneJson.of(prune));
        return o;
    }
}
