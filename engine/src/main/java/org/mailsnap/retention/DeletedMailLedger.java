package org.mailsnap.retention;

import java.io.IOException;
import java.util.List;
import org.mailsnap.history.SnapshotStore;
import org.mailsnap.model.BaseNames;
import org.mailsnap.model.BlobId;
import org.mailsnap.model.BlobIndex;
import org.mailsnap.model.SnapshotId;
import org.mailsnap.repository.BlobStore;
import org.mailsnap.repository.Repository;
import org.mailsnap.snapshot.LedgerWriter;
import org.mailsnap.snapshot.Snapshot;

/**
 * Writes a store's new deleted-mail ledger onto its newest snapshot (format-spec/operations.md, "forget
 * --keep-deleted-within", step 3): the ledger chunks (packs, then an index file), then the replacement of the
 * newest snapshot carrying them, then the deletion of what it replaces. The caller holds the shared lock and deletes
 * the removed snapshots only after this returned, so a crash anywhere leaves every gone message either in a
 * snapshot still present or in the ledger.
 */
public final class DeletedMailLedger {
    private final Repository repository;
    private final BlobIndex blobIndex;

    /**
     * What was (or would be) done for one store.
     *
     * @param store    the store key (host and path)
     * @param tally    what the new ledger holds
     * @param replaced the newest snapshot, which carries the new ledger after the run
     * @param by       the id of its replacement carrying the ledger; null on a dry run, or when the newest already
     *                 carried exactly this ledger (nothing written)
     */
    public record Outcome(String store, LedgerTally tally, SnapshotId replaced, SnapshotId by) {}

    public DeletedMailLedger(Repository repository, BlobIndex blobIndex) {
        this.repository = repository;
        this.blobIndex = blobIndex;
    }

    /** Computes the store's new ledger without storing anything. */
    public Outcome preview(LedgerPlan plan) throws IOException {
        BlobStore blobs = repository.openBlobStore(blobIndex);
        LedgerWriter writer = writer(plan, (type, bytes) -> BlobId.of(new byte[BlobId.LENGTH]));
        LedgerTally tally = new GoneScan(blobs::get, bases(plan)).write(plan, writer);
        return new Outcome(plan.store(), tally, plan.newest().id(), null);
    }

    /** Writes the store's new ledger and the newest snapshot's replacement carrying it (steps 3.1 to 3.3). */
    public Outcome write(LedgerPlan plan) throws IOException {
        BlobStore blobs = repository.openBlobStore(blobIndex);
        LedgerWriter writer = writer(plan, blobs::put);
        LedgerTally tally = new GoneScan(blobs::get, bases(plan)).write(plan, writer);
        List<BlobId> chunks = writer.finish();
        LedgerPlan.StoreSnapshot newest = plan.newest();
        if (plan.current() == null ? chunks.isEmpty() : plan.current().isExactly(newest.id(), chunks)) {
            return new Outcome(plan.store(), tally, newest.id(), null);
        }
        blobs.flush(); // 3.1: the chunks are in packs an index file lists before a snapshot names them
        Snapshot replacement = newest.snapshot().withLedger(newest.id(), chunks);
        SnapshotId id = SnapshotStore.save(repository, replacement); // 3.2
        for (SnapshotId older : newest.snapshot().supersedes()) { // 3.3
            SnapshotStore.delete(repository, older); // gone already: harmless
        }
        SnapshotStore.delete(repository, newest.id());
        return new Outcome(plan.store(), tally, newest.id(), id);
    }

    private LedgerWriter writer(LedgerPlan plan, org.mailsnap.snapshot.BlobSink sink) {
        return new LedgerWriter(LedgerWriter.chunker(repository.chunkerSeed()), bases(plan), sink);
    }

    private static BaseNames bases(LedgerPlan plan) {
        return new BaseNames(plan.newest().snapshot().separator());
    }
}
