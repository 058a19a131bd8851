package org.mailsnap.history;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.mailsnap.model.BlobId;
import org.mailsnap.model.SnapshotId;
import org.mailsnap.snapshot.BlobSource;
import org.mailsnap.snapshot.ChunkCursor;
import org.mailsnap.snapshot.GonePlacement;
import org.mailsnap.snapshot.Snapshot;

/**
 * The reader's rule for deleted-mail ledgers (format-spec/snapshots.md, "Which ledger is the store's"): the ledger of
 * a store is carried by its newest ledger-carrying snapshot that no readable snapshot supersedes; when several share
 * that time (two forgets replaced the same snapshot at once), by all of them.
 */
public final class StoreLedgers {
    /**
     * One store's ledger.
     *
     * @param holders the ids of the snapshots carrying it (one, or several of one time)
     * @param chunks  each holder's ledger chunk ids, in the order of {@code holders}; the ledger is their union
     */
    public record Ledger(List<SnapshotId> holders, List<List<BlobId>> chunks) {
        public Ledger {
            holders = List.copyOf(holders);
            chunks = List.copyOf(chunks);
        }

        /** True when the ledger is {@code ledger} carried by {@code holder} alone. */
        public boolean isExactly(SnapshotId holder, List<BlobId> ledger) {
            return holders.equals(List.of(holder)) && chunks.get(0).equals(ledger);
        }
    }

    /** Takes one ledger entry with the snapshot carrying it. */
    public interface EntryConsumer {
        void accept(SnapshotId holder, Snapshot carrier, GonePlacement entry) throws IOException;
    }

    private StoreLedgers() {}

    /**
     * Streams every entry of every store's ledger among {@code current} (which must hold every ledger-carrying
     * snapshot of those stores), carrier by carrier, in ledger order.
     */
    public static void forEachEntry(Map<SnapshotId, Snapshot> current, BlobSource blobs, EntryConsumer consumer)
            throws IOException {
        for (Ledger ledger : of(current).values()) {
            for (int i = 0; i < ledger.holders().size(); i++) {
                SnapshotId holder = ledger.holders().get(i);
                Snapshot carrier = current.get(holder);
                ChunkCursor.ledger(ledger.chunks().get(i), blobs)
                        .forEachRemaining(g -> consumer.accept(holder, carrier, g));
            }
        }
    }

    /** Store key (host and path) → its ledger, for each store of {@code current} that has one. */
    public static Map<String, Ledger> of(Map<SnapshotId, Snapshot> current) {
        Map<String, List<Map.Entry<SnapshotId, Snapshot>>> newest = new TreeMap<>();
        for (Map.Entry<SnapshotId, Snapshot> e : current.entrySet()) {
            Snapshot s = e.getValue();
            if (!s.carriesLedger()) {
                continue;
            }
            List<Map.Entry<SnapshotId, Snapshot>> held = newest.computeIfAbsent(s.storeKey(), k -> new ArrayList<>());
            if (!held.isEmpty() && held.get(0).getValue().time().isBefore(s.time())) {
                held.clear();
            }
            if (held.isEmpty() || held.get(0).getValue().time().equals(s.time())) {
                held.add(e);
            }
        }
        Map<String, Ledger> ledgers = new TreeMap<>();
        newest.forEach((store, held) -> {
            held.sort(Map.Entry.comparingByKey());
            ledgers.put(
                    store,
                    new Ledger(
                            held.stream().map(Map.Entry::getKey).toList(),
                            held.stream().map(h -> h.getValue().ledger()).toList()));
        });
        return ledgers;
    }
}
