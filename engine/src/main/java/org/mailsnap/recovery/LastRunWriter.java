package org.mailsnap.recovery;

import java.io.IOException;
import java.time.Instant;
import org.mailsnap.catalog.FolderState;
import org.mailsnap.catalog.PlacementRecord;
import org.mailsnap.maildir.MaildirName;
import org.mailsnap.snapshot.BlobSource;
import org.mailsnap.snapshot.ChunkCursor;
import org.mailsnap.snapshot.FolderEntry;

/**
 * Writes a store's latest snapshot as the catalog's "last run" state: every placement (so the next backup merges
 * by base and reads no known message), then the folder's state (so an unchanged folder is not even listed). A
 * folder's state is written after all its placements: a rebuild stopped in between leaves a folder that the next
 * backup lists again, never one it trusts with placements missing.
 */
record LastRunWriter(CatalogBatch batch, BlobSource blobs, SearchIndexer index, RebuildProgress progress) {

    void write(StoreReplay.Latest latest) throws IOException {
        String storeKey = latest.summary().storeKey();
        for (FolderEntry folder : latest.tree().values()) {
            progress.manifestChunksRead.add(folder.manifest().size());
            ChunkCursor.manifest(folder.manifest(), blobs).forEachRemaining(p -> {
                MaildirName name = index.present(latest.summary(), folder.key(), p, latest.separator());
                batch.writer()
                        .putPlacement(
                                storeKey,
                                folder.key(),
                                new PlacementRecord(
                                        name.base(), p.name(), p.guid(), p.inCur(), p.mtimeNanos(), p.content()));
                batch.wrote();
                progress.placementsWritten.increment();
            });
            long listedAt = epochNanos(latest.unchangedSince().get(folder.key()));
            batch.writer().putFolder(storeKey, folder.key(), new FolderState(listedAt, folder));
            batch.wrote();
            progress.foldersWritten.increment();
        }
    }

    private static long epochNanos(Instant t) {
        return Math.addExact(Math.multiplyExact(t.getEpochSecond(), 1_000_000_000L), t.getNano());
    }
}
