package org.mailsnap.retention;

import java.time.Instant;
import java.util.List;
import org.mailsnap.model.SnapshotId;

/**
 * What the policy needs to know of a snapshot.
 *
 * @param id    the snapshot object's id
 * @param time  when its capture started
 * @param group the group it belongs to ({@link GroupBy})
 * @param tags  its tags
 */
public record Candidate(SnapshotId id, Instant time, String group, List<String> tags) {
    public Candidate {
        tags = List.copyOf(tags);
    }
}
