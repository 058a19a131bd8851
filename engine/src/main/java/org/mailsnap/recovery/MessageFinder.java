package org.mailsnap.recovery;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.mailsnap.catalog.CatalogView;
import org.mailsnap.catalog.FoundMessage;
import org.mailsnap.catalog.MessageInfo;
import org.mailsnap.catalog.MessageQuery;
import org.mailsnap.catalog.SnapshotSummary;

/**
 * Answers {@code find} from the catalog alone (no pack is read): each hit of {@link CatalogView#find} with the
 * snapshots that hold it.
 *
 * <ul>
 *   <li>First snapshot: by id when the index has one (a rebuilt catalog). A running backup cannot know its
 *       snapshot's id while it indexes, so it leaves {@link MessageInfo#SNAPSHOT_NOT_SAVED_YET} with
 *       {@code firstSeen} = the run's start = the snapshot's time: the snapshot taken exactly then, or else (the
 *       run was interrupted after a checkpoint) the first one taken after it.</li>
 *   <li>Last snapshot: for a message still present, the latest snapshot of the first snapshot's store; for one
 *       that went away, the recorded id, or else ({@link MessageInfo#NO_SNAPSHOT_BEFORE}, or a pruned one) the newest
 *       snapshot at or before {@code lastSeen}.</li>
 * </ul>
 */
public final class MessageFinder {
    private final List<SnapshotSummary> snapshots;

    /** @param snapshots every snapshot summary (e.g. {@code SnapshotHistory.all()}) */
    public MessageFinder(List<SnapshotSummary> snapshots) {
        this.snapshots = snapshots.stream()
                .sorted(Comparator.comparing(SnapshotSummary::time))
                .toList();
    }

    /** The messages meeting {@code query}, in index order (mailbox, then GUID), with their snapshots. */
    public List<MessageHit> find(CatalogView catalog, MessageQuery query) throws IOException {
        List<MessageHit> hits = new ArrayList<>();
        for (FoundMessage found : catalog.find(query)) {
            hits.add(resolve(found));
        }
        return hits;
    }

    /** One index entry with its snapshots. */
    public MessageHit resolve(FoundMessage found) {
        MessageInfo m = found.info();
        SnapshotSummary first = byId(m.firstSnapshot()).orElseGet(() -> firstAtOrAfter(m.firstSeen()));
        SnapshotSummary last;
        if (m.present()) {
            last = first == null ? null : latestOf(first.storeKey());
        } else {
            last = byId(m.lastSnapshot())
                    .orElseGet(() -> lastAtOrBefore(m.lastSeen(), first == null ? null : first.storeKey()));
        }
        return new MessageHit(found.mailbox(), found.guid(), m, first, last);
    }

    private Optional<SnapshotSummary> byId(String id) {
        if (id == null || id.isEmpty()) {
            return Optional.empty();
        }
        return snapshots.stream().filter(s -> s.id().equals(id)).findFirst();
    }

    private SnapshotSummary firstAtOrAfter(Instant time) {
        SnapshotSummary after = null;
        for (SnapshotSummary s : snapshots) {
            if (s.time().equals(time)) {
                return s;
            }
            if (after == null && s.time().isAfter(time)) {
                after = s;
            }
        }
        return after;
    }

    private SnapshotSummary lastAtOrBefore(Instant time, String storeKey) {
        SnapshotSummary found = null;
        for (SnapshotSummary s : snapshots) {
            if (!s.time().isAfter(time) && (storeKey == null || s.storeKey().equals(storeKey))) {
                found = s;
            }
        }
        return found;
    }

    private SnapshotSummary latestOf(String storeKey) {
        SnapshotSummary latest = null;
        for (SnapshotSummary s : snapshots) {
            if (s.storeKey().equals(storeKey)) {
                latest = s;
            }
        }
        return latest;
    }
}
