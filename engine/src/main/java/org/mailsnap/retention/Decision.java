package org.mailsnap.retention;

import java.util.List;

/**
 * What the policy decided for one snapshot.
 *
 * @param snapshot the snapshot
 * @param keep     kept (at least one reason) or removed (none)
 * @param reasons  every rule that keeps it, in the order of the policy's options ("last snapshot", "daily
 *                 snapshot", "within 7d", "tag monthly", …)
 */
public record Decision(Candidate snapshot, List<String> reasons) {
    public Decision {
        reasons = List.copyOf(reasons);
    }

    public boolean keep() {
        return !reasons.isEmpty();
    }
}
