package org.mailsnap.restore;

import java.io.IOException;
import java.time.Instant;
import java.util.Map;
import java.util.function.Predicate;
import org.mailsnap.catalog.MessageQuery;
import org.mailsnap.history.SnapshotObjects;
import org.mailsnap.history.StoreLedgers;
import org.mailsnap.model.BaseNames;
import org.mailsnap.model.SnapshotId;
import org.mailsnap.repository.Repository;
import org.mailsnap.snapshot.BlobSource;
import org.mailsnap.snapshot.GonePlacement;
import org.mailsnap.snapshot.Snapshot;
import org.mailsnap.walk.Selection;

/**
 * Where a restore finds deleted mail: the ledger of a store (format-spec/snapshots.md, "Which ledger is the
 * store's"), selected by the same terms a restore takes (mailbox, folder, message base or GUID) and by when the
 * message left ({@code restore --deleted-since}), as a {@link LedgerSnapshot} to restore from.
 */
public final class DeletedMail {
    private DeletedMail() {}

    /**
     * The entries of {@code storeKey}'s ledger that {@code request} selects and that left at or after {@code since}
     * (null: any time), one per message; null when the store has no ledger.
     */
    public static LedgerSnapshot of(
            Repository repository, BlobSource blobs, String storeKey, RestoreRequest request, Instant since)
            throws IOException {
        Map<SnapshotId, Snapshot> current = SnapshotObjects.load(repository).current();
        StoreLedgers.Ledger ledger = StoreLedgers.of(current).get(storeKey);
        if (ledger == null) {
            return null;
        }
        // two carriers of one time (two forgets at once): the one selecting more is restored from; their union is
        // not merged here (rare, and the next forget --keep-deleted-within merges them into one ledger)
        LedgerSnapshot best = null;
        for (SnapshotId holder : ledger.holders()) {
            Snapshot carrier = current.get(holder);
            LedgerSnapshot view =
                    LedgerSnapshot.of(carrier, blobs, selects(request, since, new BaseNames(carrier.separator())));
            if (best == null || view.messages() > best.messages()) {
                best = view;
            }
        }
        return best;
    }

    /** The entries {@code request} selects (as in a snapshot) that left at or after {@code since} (null: any time). */
    private static Predicate<GonePlacement> selects(RestoreRequest request, Instant since, BaseNames bases) {
        Selection selection = request.selection();
        return g -> (since == null || MessageQuery.goneBySince(g.goneBySeconds(), since))
                && selection.holds(g.folder())
                && selection.holds(g.placement(), bases);
    }
}
