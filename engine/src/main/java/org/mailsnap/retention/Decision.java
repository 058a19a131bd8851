package org.mailsnap.retention;

import java.util.List;

/**
 * What the policy decided for one snapshot.
 *
 * @param snapshot the snapshot
 * @param reasons  every rule that keeps it, in the order of the policy's options ("last snapshot", "daily
 *                 snapshot", "within 7d", "tag monthly", …)
 */
public record Decision(Candidate snapshot, List<String> reasons) {
    public Decision {
        reasons = List.copyOf(reasons);
    }

    /** Kept (at least one reason) or removed (none). */
    public boolean keep() {
        return !reasons.isEmpty();
    }
}
