package org.mailsnap.recovery;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.mailsnap.catalog.CatalogView;
import org.mailsnap.catalog.FoundMessage;
import org.mailsnap.catalog.MessageInfo;
import org.mailsnap.catalog.MessageQuery;
import org.mailsnap.catalog.SnapshotSummary;
import org.mailsnap.model.ObjectId;
import org.mailsnap.model.SnapshotId;

/**
 * Answers {@code find} from the catalog (no pack is read, but for deleted-mail ledgers): each hit of
 * {@link CatalogView#find} with the snapshots that hold it.
 *
 * <ul>
 *   <li>First snapshot: by id when the index has one (a rebuilt catalog). A running backup cannot know its
 *       snapshot's id while it indexes, so it leaves {@link MessageInfo#SNAPSHOT_NOT_SAVED_YET} with
 *       {@code firstSeen} = the run's start = the snapshot's time: the snapshot taken exactly then, or else (the
 *       run was interrupted after a checkpoint, or that snapshot was forgotten) the first one taken after it, if
 *       that was still before the message went away (also for an id since forgotten).
 *       {@link MessageInfo#NO_KNOWN_SNAPSHOT} (a message a rebuild knows from a ledger only): none.</li>
 *   <li>Last snapshot: for a message still present, the latest snapshot of the first snapshot's store; for one
 *       that went away, the recorded id. When that snapshot was forgotten, the deleted-mail ledger that keeps the
 *       message ({@link LedgerKeepers}, asked once per search for all such hits); else the newest snapshot at or
 *       before {@code lastSeen} (which may hold an earlier state of the message, or not hold it).</li>
 * </ul>
 * A search for mail deleted since a time ({@link MessageQuery#goneSince()}) lists only the messages whose last state
 * something keeps: the last snapshot that held it, or a ledger.
 */
public final class MessageFinder {
    private final List<SnapshotSummary> snapshots;
    private final LedgerKeepers ledgers;

    /**
     * @param snapshots every snapshot summary (e.g. {@code SnapshotHistory.all()})
     * @param ledgers   which messages the stores' deleted-mail ledgers keep ({@link LedgerKeepers#NONE}: none)
     */
    public MessageFinder(List<SnapshotSummary> snapshots, LedgerKeepers ledgers) {
        this.snapshots = snapshots.stream()
                .sorted(Comparator.comparing(SnapshotSummary::time))
                .toList();
        this.ledgers = ledgers;
    }

    /**
     * A search's hits, and whether the index had {@code limit} matches (more may exist, also when hits nothing keeps
     * were left out).
     */
    public record Found(List<MessageHit> hits, boolean limitReached) {}

    /**
     * The messages meeting {@code query}, in index order (mailbox, then GUID), with their snapshots, and whether the
     * limit was reached.
     */
    public Found search(CatalogView catalog, MessageQuery query) throws IOException {
        List<FoundMessage> found = catalog.find(query);
        Set<LedgerKeepers.Message> forgotten = new HashSet<>();
        for (FoundMessage f : found) {
            if (!f.info().present() && byRecordedId(f.info().lastSnapshot()).isEmpty()) {
                forgotten.add(new LedgerKeepers.Message(f.mailbox(), f.guid()));
            }
        }
        Map<LedgerKeepers.Message, SnapshotId> kept = ledgers.keeping(forgotten);
        List<MessageHit> hits = new ArrayList<>();
        for (FoundMessage f : found) {
            LedgerKeepers.Message m = new LedgerKeepers.Message(f.mailbox(), f.guid());
            SnapshotId ledger = kept.get(m);
            if (query.goneSince() != null && forgotten.contains(m) && ledger == null) {
                continue; // its last state is kept by nothing: forgotten outside any --keep-deleted-within
            }
            hits.add(resolve(f, ledger == null ? Optional.empty() : byId(ledger)));
        }
        return new Found(hits, found.size() == query.limit());
    }

    /** One index entry with its snapshots; {@code ledger}: the deleted-mail ledger that keeps it, if any. */
    MessageHit resolve(FoundMessage found, Optional<SnapshotSummary> ledger) {
        MessageInfo m = found.info();
        SnapshotSummary first = byRecordedId(m.firstSnapshot()).orElseGet(() -> firstByTime(m));
        if (m.present()) {
            return new MessageHit(
                    found.mailbox(), found.guid(), m, first, first == null ? null : latestOf(first.storeKey()), null);
        }
        Optional<SnapshotSummary> last = byRecordedId(m.lastSnapshot());
        if (last.isEmpty() && ledger.isPresent()) {
            return new MessageHit(found.mailbox(), found.guid(), m, first, null, ledger.get());
        }
        return new MessageHit(
                found.mailbox(),
                found.guid(),
                m,
                first,
                last.orElseGet(() -> lastAtOrBefore(m.lastSeen(), first == null ? null : first.storeKey())),
                null);
    }

    /**
     * The snapshot a search index entry names, as the catalog keeps it: a snapshot id's text, or null, or
     * {@link MessageInfo#SNAPSHOT_NOT_SAVED_YET} or {@link MessageInfo#NO_KNOWN_SNAPSHOT}, which name none.
     */
    private Optional<SnapshotSummary> byRecordedId(String recorded) {
        return ObjectId.isValid(recorded) ? byId(SnapshotId.parse(recorded)) : Optional.empty();
    }

    private Optional<SnapshotSummary> byId(SnapshotId id) {
        return snapshots.stream().filter(s -> s.id().equals(id)).findFirst();
    }

    /**
     * A first snapshot not known by id (a running backup's, or one forgotten since), by its time; one taken after the
     * message went away never held it.
     */
    private SnapshotSummary firstByTime(MessageInfo m) {
        if (m.firstSnapshot().equals(MessageInfo.NO_KNOWN_SNAPSHOT)) {
            return null;
        }
        SnapshotSummary first = firstAtOrAfter(m.firstSeen());
        return first != null && !m.present() && first.time().isAfter(m.lastSeen()) ? null : first;
    }

    /** The snapshot taken at {@code time}, else the first one after it ({@link #snapshots} is oldest first). */
    private SnapshotSummary firstAtOrAfter(Instant time) {
        return snapshots.stream()
                .filter(s -> !s.time().isBefore(time))
                .findFirst()
                .orElse(null);
    }

    private SnapshotSummary lastAtOrBefore(Instant time, String storeKey) {
        return snapshots.stream()
                .filter(s -> !s.time().isAfter(time)
                        && (storeKey == null || s.storeKey().equals(storeKey)))
                .reduce((a, b) -> b)
                .orElse(null);
    }

    private SnapshotSummary latestOf(String storeKey) {
        return snapshots.stream()
                .filter(s -> s.storeKey().equals(storeKey))
                .reduce((a, b) -> b)
                .orElse(null);
    }
}
