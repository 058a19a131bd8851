package org.mailsnap.prune;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.mailsnap.history.SnapshotObjects;
import org.mailsnap.model.BlobId;
import org.mailsnap.model.BlobIdSet;
import org.mailsnap.model.Placement;
import org.mailsnap.model.SnapshotId;
import org.mailsnap.repository.RepositoryException;
import org.mailsnap.snapshot.BlobSource;
import org.mailsnap.snapshot.ChunkCursor;
import org.mailsnap.snapshot.ControlFile;
import org.mailsnap.snapshot.FolderEntry;
import org.mailsnap.snapshot.ManifestChunks;
import org.mailsnap.snapshot.Snapshot;

/**
 * Mark: adds to the live set every blob a snapshot references: its tree chunks, each folder's manifest chunks and
 * control-file chunks, each message's header and body chunks; and for a snapshot carrying a deleted-mail ledger, its
 * ledger chunks and each entry's header and body chunks. Streams: one chunk is decoded at a time, and a tree or
 * manifest chunk already in the set is not read again (its contents were marked when it was first met), so an hourly
 * history whose snapshots share almost every chunk costs about one snapshot's reading plus what changed.
 */
record Marker(BlobSource metadata, BlobIdSet live, PruneProgress progress) {
    /**
     * Marks every snapshot of {@code objects} that no readable snapshot supersedes; returns how many. An unreadable
     * snapshot stops the prune (unless a readable one supersedes it).
     */
    long markAll(SnapshotObjects objects) throws IOException {
        long count = 0;
        for (Map.Entry<SnapshotId, IOException> e : objects.unreadable().entrySet()) { // the first stops the prune
            throw new RepositoryException(
                    "prune stops: snapshot " + e.getKey() + " cannot be read ("
                            + e.getValue().getMessage()
                            + "); without it, prune cannot know which data it needs. Nothing was"
                            + " deleted",
                    e.getValue());
        }
        for (Map.Entry<SnapshotId, Snapshot> e : objects.current().entrySet()) {
            Snapshot snapshot = e.getValue();
            try {
                mark(snapshot);
            } catch (java.io.InterruptedIOException ex) {
                throw ex;
            } catch (IOException ex) {
                throw new RepositoryException(
                        "prune stops: snapshot " + e.getKey() + " (" + snapshot.host() + ", "
                                + snapshot.time() + ") cannot be read completely (" + ex.getMessage()
                                + "); nothing was "
                                + "deleted",
                        ex);
            }
            count++;
            progress.snapshotsMarked.increment();
        }
        return count;
    }

    void mark(Snapshot snapshot) throws IOException {
        for (BlobId chunk : snapshot.tree()) {
            if (add(chunk)) {
                ChunkCursor.tree(List.of(chunk), metadata).forEachRemaining(this::markFolder);
            }
        }
        for (BlobId chunk : snapshot.ledger()) { // the deleted mail it keeps restorable (records version 4)
            if (add(chunk)) {
                ChunkCursor.ledger(List.of(chunk), metadata).forEachRemaining(gone -> {
                    add(gone.placement().content().header());
                    gone.placement().content().body().forEach(this::add);
                });
            }
        }
    }

    private void markFolder(FolderEntry folder) throws IOException {
        for (ControlFile control : folder.controlFiles()) {
            control.chunks().forEach(this::add);
        }
        ManifestChunks.Visitor marking = new ManifestChunks.Visitor() {
            @Override
            public boolean enter(BlobId contentChunk) {
                return add(contentChunk); // a version 3 index's content chunk, visited when first marked
            }

            @Override
            public void content(Placement placement) {
                add(placement.content().header());
                placement.content().body().forEach(Marker.this::add);
            }
        };
        for (BlobId chunk : folder.manifest()) {
            if (add(chunk)) {
                ManifestChunks.visit(chunk, metadata, marking);
            }
        }
    }

    private boolean add(BlobId id) {
        boolean added = live.add(id);
        if (added) {
            progress.liveBlobs.increment();
        }
        return added;
    }
}
