package org.mailsnap.restore;

import java.io.IOException;
import java.time.Instant;
import java.util.Map;
import java.util.function.Predicate;
import org.mailsnap.catalog.MessageQuery;
import org.mailsnap.history.SnapshotObjects;
import org.mailsnap.history.StoreLedgers;
import org.mailsnap.model.BaseNames;
import org.mailsnap.repository.Repository;
import org.mailsnap.snapshot.BlobSource;
import org.mailsnap.snapshot.ChunkCursor;
import org.mailsnap.snapshot.GonePlacement;
import org.mailsnap.snapshot.Snapshot;

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
        Map<String, Snapshot> current = SnapshotObjects.load(repository).current();
        StoreLedgers.Ledger ledger = StoreLedgers.of(current).get(storeKey);
        if (ledger == null) {
            return null;
        }
        // two carriers of one time (two forgets at once): the one selecting more is restored from; their union is
        // not merged here (rare, and the next forget --keep-deleted-within merges them into one ledger)
        LedgerSnapshot best = null;
        for (String holder : ledger.holders()) {
            Snapshot carrier = current.get(holder);
            LedgerSnapshot view =
                    LedgerSnapshot.of(carrier, blobs, selects(request, since, new BaseNames(carrier.separator())));
            if (best == null || view.messages() > best.messages()) {
                best = view;
            }
        }
        return best;
    }

    /** True when {@code snapshot} holds the message {@code request} names (its base or GUID, in its selection). */
    public static boolean holds(Snapshot snapshot, BlobSource blobs, RestoreRequest request) throws IOException {
        BaseNames bases = new BaseNames(snapshot.separator());
        boolean[] found = {false};
        ChunkCursor.tree(snapshot.tree(), blobs).forEachRemaining(f -> {
            if (!found[0]
                    && (request.mailbox() == null
                            || request.mailbox().equals(f.key().mailbox()))
                    && (request.folder() == null
                            || request.folder().equals(f.key().folder()))) {
                ChunkCursor.manifest(f.manifest(), blobs)
                        .forEachRemaining(p -> found[0] |= named(p.name(), p.guid(), request.base(), bases));
            }
        });
        return found[0];
    }

    private static Predicate<GonePlacement> selects(RestoreRequest request, Instant since, BaseNames bases) {
        return g -> (since == null || MessageQuery.goneBySince(g.goneBySeconds(), since))
                && (request.mailbox() == null
                        || request.mailbox().equals(g.folder().mailbox()))
                && (request.folder() == null
                        || request.folder().equals(g.folder().folder()))
                && (request.base() == null
                        || named(g.placement().name(), g.placement().guid(), request.base(), bases));
    }

    private static boolean named(String name, String guid, String message, BaseNames bases) {
        String base = bases.baseOf(name);
        return base.equals(message) || (guid.isEmpty() ? base : guid).equals(message);
    }
}
