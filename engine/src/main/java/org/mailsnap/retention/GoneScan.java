package org.mailsnap.retention;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import org.mailsnap.model.BaseNames;
import org.mailsnap.model.BlobId;
import org.mailsnap.model.FolderKey;
import org.mailsnap.model.Placement;
import org.mailsnap.snapshot.BlobSource;
import org.mailsnap.snapshot.ChunkCursor;
import org.mailsnap.snapshot.FolderEntry;
import org.mailsnap.snapshot.GonePlacement;
import org.mailsnap.snapshot.LedgerWriter;

/**
 * Computes a store's new deleted-mail ledger (format-spec/operations.md, "forget --keep-deleted-within", steps 1-2)
 * and writes it in ledger order.
 *
 * <p>The walk is folder-major, so memory holds one folder's entries, never the history's:
 * <ol>
 *   <li>Open a tree cursor on every snapshot that takes part in a pair (a removed snapshot and the next one of the
 *       store) whose later side is within the window, and a cursor on each chunk list of the current ledger. All
 *       are sorted by folder.</li>
 *   <li>Take the smallest folder any cursor is at. For each pair, when the removed snapshot has the folder: if the
 *       next snapshot has it with the same manifest chunk list, nothing left it; else walk both manifests side by
 *       side by base (one chunk of each in memory) and note each placement the next one lacks, gone between the
 *       two.</li>
 *   <li>Add the current ledger's entries of the folder that are within the window; count the rest as expired.</li>
 *   <li>Keep one entry per departure (folder, base, last seen), sort them by (base, gone-by, last seen), write
 *       them; go on with the next folder.</li>
 * </ol>
 */
final class GoneScan {
    private final BlobSource metadata;
    private final BaseNames bases;
    private final Comparator<GonePlacement> order;

    GoneScan(BlobSource metadata, BaseNames bases) {
        this.metadata = metadata;
        this.bases = bases;
        this.order = GonePlacement.orderInFolder(bases);
    }

    /** Walks {@code plan}'s store and writes its new ledger into {@code out}. */
    LedgerTally write(LedgerPlan plan, LedgerWriter out) throws IOException {
        List<LedgerPlan.StoreSnapshot> all = plan.snapshots();
        List<Pair> pairs = new ArrayList<>();
        // one per snapshot index, null when not needed
        List<ChunkCursor<FolderEntry>> trees = new ArrayList<>(Collections.nCopies(all.size(), null));
        for (int i = 0; i + 1 < all.size(); i++) {
            long goneBy = seconds(all.get(i + 1));
            if (!all.get(i).kept() && goneBy >= plan.windowStartSeconds()) {
                pairs.add(new Pair(i, seconds(all.get(i)), goneBy));
                for (int j : new int[] {i, i + 1}) {
                    if (trees.get(j) == null) {
                        trees.set(j, ChunkCursor.tree(all.get(j).snapshot().tree(), metadata));
                    }
                }
            }
        }
        List<ChunkCursor<GonePlacement>> ledgers = new ArrayList<>();
        if (plan.current() != null) {
            for (List<BlobId> chunks : plan.current().chunks()) {
                ledgers.add(ChunkCursor.ledger(chunks, metadata));
            }
        }
        long added = 0;
        long carried = 0;
        long expired = 0;
        long bytes = 0;
        FolderEntry[] at = new FolderEntry[all.size()];
        for (FolderKey folder = next(trees, ledgers); folder != null; folder = next(trees, ledgers)) {
            for (int j = 0; j < at.length; j++) {
                ChunkCursor<FolderEntry> tree = trees.get(j);
                at[j] = tree != null && tree.peek() != null && tree.peek().key().equals(folder) ? tree.next() : null;
            }
            List<Found> found = new ArrayList<>();
            for (Pair pair : pairs) {
                FolderEntry before = at[pair.index];
                FolderEntry after = at[pair.index + 1];
                if (before != null && (after == null || !after.manifest().equals(before.manifest()))) {
                    diff(folder, before, after, pair, found);
                }
            }
            for (ChunkCursor<GonePlacement> ledger : ledgers) {
                while (ledger.peek() != null && ledger.peek().folder().equals(folder)) {
                    GonePlacement g = ledger.next();
                    if (g.goneBySeconds() >= plan.windowStartSeconds()) {
                        found.add(new Found(g, true));
                    } else {
                        expired++;
                    }
                }
            }
            for (Found f : oneOfEachDeparture(found)) {
                out.add(f.entry());
                bytes += f.entry().placement().content().size();
                if (f.carried()) {
                    carried++;
                } else {
                    added++;
                }
            }
        }
        return new LedgerTally(added + carried, added, carried, expired, bytes);
    }

    /** A gone placement, and whether it comes from the current ledger (else from the snapshots removed now). */
    private record Found(GonePlacement entry, boolean carried) {}

    /**
     * One folder's entries in ledger order, one per departure. A departure is found twice when a killed forget
     * wrote its ledger but left snapshots it meant to delete, or when two ledgers of one time list it; and with
     * another gone-by time when the snapshot after its last one was deleted meanwhile. The earliest gone-by time is
     * kept (the tighter bound), and of equals the carried entry (so counts say what is new).
     */
    private List<Found> oneOfEachDeparture(List<Found> found) {
        found.sort(Comparator.<Found, String>comparing(
                        f -> bases.baseOf(f.entry().placement().name()), org.mailsnap.model.BaseNames.ORDER)
                .thenComparingLong(f -> f.entry().lastSeenSeconds())
                .thenComparingLong(f -> f.entry().goneBySeconds())
                .thenComparing(f -> !f.carried()));
        List<Found> kept = new ArrayList<>(found.size());
        for (Found f : found) {
            if (kept.isEmpty() || !kept.get(kept.size() - 1).entry().sameDeparture(f.entry(), bases)) {
                kept.add(f);
            }
        }
        kept.sort(Comparator.comparing(Found::entry, order));
        return kept;
    }

    /** A removed snapshot (at {@code index}) and the next one of the store, as times in seconds. */
    private record Pair(int index, long lastSeen, long goneBy) {}

    /** Adds to {@code found} the placements {@code before} holds and {@code after} lacks (by base). */
    private void diff(FolderKey folder, FolderEntry before, FolderEntry after, Pair pair, List<Found> found)
            throws IOException {
        ChunkCursor<Placement> was = ChunkCursor.manifest(before.manifest(), metadata);
        ChunkCursor<Placement> is =
                after == null ? ChunkCursor.empty() : ChunkCursor.manifest(after.manifest(), metadata);
        for (Placement p = was.next(); p != null; p = was.next()) {
            String base = bases.baseOf(p.name());
            while (is.peek() != null
                    && BaseNames.ORDER.compare(bases.baseOf(is.peek().name()), base) < 0) {
                is.next();
            }
            if (is.peek() == null || !bases.baseOf(is.peek().name()).equals(base)) {
                found.add(new Found(new GonePlacement(folder, p, pair.lastSeen(), pair.goneBy()), false));
            }
        }
    }

    /** The smallest folder any cursor is at, or null when all are done. */
    private static FolderKey next(List<ChunkCursor<FolderEntry>> trees, List<ChunkCursor<GonePlacement>> ledgers)
            throws IOException {
        FolderKey min = null;
        for (ChunkCursor<FolderEntry> tree : trees) {
            FolderEntry f = tree == null ? null : tree.peek();
            if (f != null && (min == null || f.key().compareTo(min) < 0)) {
                min = f.key();
            }
        }
        for (ChunkCursor<GonePlacement> ledger : ledgers) {
            GonePlacement g = ledger.peek();
            if (g != null && (min == null || g.folder().compareTo(min) < 0)) {
                min = g.folder();
            }
        }
        return min;
    }

    private static long seconds(LedgerPlan.StoreSnapshot s) {
        return s.snapshot().time().getEpochSecond();
    }
}
