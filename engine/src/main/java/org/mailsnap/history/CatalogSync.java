package org.mailsnap.history;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.mailsnap.catalog.Catalog;
import org.mailsnap.catalog.CatalogBlobIndex;
import org.mailsnap.catalog.CatalogWriter;
import org.mailsnap.catalog.SnapshotSummary;
import org.mailsnap.codec.CorruptDataException;
import org.mailsnap.repository.IndexSync;
import org.mailsnap.repository.ObjectKind;
import org.mailsnap.repository.Repository;
import org.mailsnap.snapshot.Snapshot;
import org.mailsnap.snapshot.SnapshotCodec;

/** Brings the catalog's caches up to date with the repository. */
public final class CatalogSync {
    private CatalogSync() {}

    /**
     * Loads index files the catalog has not loaded yet; after a prune (a loaded index file superseded or deleted)
     * clears the cached locations and loads every live index file again.
     */
    public static void blobIndex(Repository repository, Catalog catalog) throws IOException {
        CatalogBlobIndex index = catalog.blobs();
        Set<String> known = index.loadedIndexFiles();
        IndexSync.Result result = repository.indexSync().sync(index, known);
        if (result.rebuildNeeded()) {
            // a prune ran (here or on another host): cached locations may name deleted packs or pruned blobs
            index.clear();
            result = repository.indexSync().loadAll(index);
        }
        for (String name : result.processed()) {
            index.markIndexLoaded(name);
        }
    }

    /** What a snapshot sync found: every readable snapshot, and those that cannot be read (skipped). */
    public record Snapshots(List<SnapshotSummary> all, List<DamagedSnapshot> damaged) {}

    /**
     * Adds summaries of snapshots the catalog does not know, and drops those gone from the repository. A snapshot
     * object that cannot be read is left out (and not cached: the next sync reports it again), so one damaged
     * object never hides the others.
     */
    public static Snapshots snapshots(Repository repository, Catalog catalog) throws IOException {
        List<String> ids = repository.objects().list(ObjectKind.SNAPSHOT);
        Set<String> present = new HashSet<>(ids);
        try (CatalogWriter w = catalog.beginWrite()) {
            Set<String> known = new HashSet<>();
            for (SnapshotSummary s : w.snapshots()) {
                if (present.contains(s.id())) {
                    known.add(s.id());
                } else {
                    w.deleteSnapshot(s.id());
                }
            }
            List<DamagedSnapshot> damaged = new ArrayList<>();
            for (String id : ids) {
                if (!known.contains(id)) {
                    Snapshot s;
                    try {
                        s = SnapshotCodec.decode(repository.objects().load(ObjectKind.SNAPSHOT, id), id);
                    } catch (CorruptDataException e) {
                        damaged.add(new DamagedSnapshot(id, e.getMessage()));
                        continue;
                    }
                    w.putSnapshot(new SnapshotSummary(id, s.time(), s.host(), s.storeKey(), s.stats().messages()));
                }
            }
            List<SnapshotSummary> all = w.snapshots();
            w.commit();
            return new Snapshots(all, List.copyOf(damaged));
        }
    }
}
