package org.mailsnap.retention;

import java.util.List;
import org.mailsnap.model.SnapshotId;

/**
 * What a forget keeps and removes, per group, newest first.
 *
 * @param groups     one entry per group, in group-key order
 * @param unreadable snapshot objects that could not be read, with the reason: neither kept nor removed (forget
 *                   never deletes what it could not read; {@code check} reports them)
 * @param superseded snapshot objects a readable snapshot supersedes (left by an interrupted
 *                   {@code forget --mailbox}): readers ignore them; deleted before any removed snapshot, so that
 *                   deleting a replacement never brings back the snapshot it replaced
 * @param ledgers    with {@code --keep-deleted-within}: each store's deleted-mail ledger to write before any
 *                   snapshot is deleted; else empty
 */
public record ForgetPlan(
        List<Group> groups, List<String> unreadable, List<SnapshotId> superseded, List<LedgerPlan> ledgers) {
    public ForgetPlan {
        groups = List.copyOf(groups);
        unreadable = List.copyOf(unreadable);
        superseded = List.copyOf(superseded);
        ledgers = List.copyOf(ledgers);
    }

    /** One group's decisions, newest first. */
    public record Group(String key, List<Decision> decisions) {
        public Group {
            decisions = List.copyOf(decisions);
        }
    }

    public List<Decision> removed() {
        return groups.stream()
                .flatMap(g -> g.decisions().stream())
                .filter(d -> !d.keep())
                .toList();
    }

    public List<Decision> kept() {
        return groups.stream()
                .flatMap(g -> g.decisions().stream())
                .filter(Decision::keep)
                .toList();
    }
}
