package org.mailsnap.history;

import java.io.IOException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.mailsnap.catalog.Catalog;
import org.mailsnap.catalog.CatalogBlobIndex;
import org.mailsnap.catalog.CatalogWriter;
import org.mailsnap.catalog.SnapshotSummary;
import org.mailsnap.codec.CorruptDataException;
import org.mailsnap.model.ObjectId;
import org.mailsnap.model.SnapshotId;
import org.mailsnap.repository.IndexSync;
import org.mailsnap.repository.Repository;
import org.mailsnap.snapshot.Snapshot;
import org.mailsnap.storage.NoSuchObjectException;

/** Brings the catalog's caches up to date with the repository. */
public final class CatalogSync {
    private CatalogSync() {}

    /**
     * Loads index files the catalog has not loaded yet; after a prune (a loaded index file superseded or deleted)
     * clears the cached locations and loads every live index file again.
     */
    public static void blobIndex(Repository repository, Catalog catalog) throws IOException {
        CatalogBlobIndex index = catalog.blobs();
        Set<ObjectId> known = new HashSet<>();
        boolean strayName = false; // not an index file's name: the cache cannot be trusted
        for (String name : index.loadedIndexFiles()) {
            if (ObjectId.isValid(name)) {
                known.add(ObjectId.parse(name));
            } else {
                strayName = true;
            }
        }
        IndexSync.Result result = repository.indexSync().sync(index, known);
        if (result.rebuildNeeded() || strayName) {
            // a prune ran (here or on another host): cached locations may name deleted packs or pruned blobs, and
            // so may the run state; that is marked first, while the prune still shows here (a crash between the
            // two then leaves both to do again)
            catalog.pruneSeen();
            index.clear();
            result = repository.indexSync().loadAll(index);
        }
        for (ObjectId name : result.processed()) {
            index.markIndexLoaded(name);
        }
    }

    /** What a snapshot sync found: every readable snapshot, and those that cannot be read (skipped). */
    public record Snapshots(List<SnapshotSummary> all, List<DamagedSnapshot> damaged) {}

    /**
     * Adds summaries of snapshots the catalog does not know, and drops those gone from the repository. A snapshot
     * object that cannot be read is left out (and not cached: the next sync reports it again), so one damaged
     * object never hides the others.
     *
     * <p>A snapshot that a readable snapshot supersedes (format-spec/snapshots.md, "Replacement snapshots") is left
     * out too, and dropped if known. Only snapshots new to the catalog are read ({@link SnapshotObjects}), so the rule
     * is applied incrementally: a new replacement drops what it supersedes, and its {@code Removed} mailboxes' cached state; a
     * new snapshot is checked against the replacements of the same store and time (a replacement keeps its
     * original's time), which are read again for that (rare: only while an interrupted {@code forget --mailbox}
     * left its originals).
     */
    public static Snapshots snapshots(Repository repository, Catalog catalog) throws IOException {
        List<SnapshotId> ids = SnapshotStore.list(repository);
        Set<SnapshotId> present = new HashSet<>(ids);
        try (CatalogWriter w = catalog.beginWrite()) {
            Map<SnapshotId, SnapshotSummary> known = new HashMap<>();
            for (SnapshotSummary s : w.snapshots()) {
                if (present.contains(s.id())) {
                    known.put(s.id(), s);
                } else {
                    w.deleteSnapshot(s.id());
                }
            }
            SnapshotObjects added = SnapshotObjects.load(
                    repository,
                    ids.stream().filter(id -> !known.containsKey(id)).toList());
            Map<SnapshotId, Snapshot> current = added.current();
            Set<SnapshotId> superseded = new HashSet<>(added.supersededIds());
            Set<String> removedMailboxes = new TreeSet<>();
            for (Snapshot s : current.values()) {
                removedMailboxes.addAll(s.removed());
                for (SnapshotSummary twin : known.values()) {
                    if (twin.storeKey().equals(s.storeKey()) && twin.time().equals(s.time())) {
                        superseded.addAll(supersededBy(repository, twin.id()));
                    }
                }
            }
            for (String mailbox : removedMailboxes) {
                w.forgetMailbox(mailbox);
            }
            for (SnapshotId id : superseded) {
                if (known.containsKey(id)) {
                    w.deleteSnapshot(id);
                }
            }
            for (Map.Entry<SnapshotId, Snapshot> e : current.entrySet()) {
                Snapshot s = e.getValue();
                if (!superseded.contains(e.getKey())) {
                    w.putSnapshot(new SnapshotSummary(
                            e.getKey(),
                            s.time(),
                            s.host(),
                            s.storeKey(),
                            s.stats().messages()));
                }
            }
            List<DamagedSnapshot> damaged = added.unreadable().entrySet().stream()
                    .filter(e -> !superseded.contains(e.getKey()))
                    .map(e -> new DamagedSnapshot(e.getKey(), e.getValue().getMessage()))
                    .toList();
            List<SnapshotSummary> all = w.snapshots();
            w.commit();
            return new Snapshots(all, damaged);
        }
    }

    /** What a snapshot the catalog knows supersedes (nothing when it is gone or unreadable now). */
    private static List<SnapshotId> supersededBy(Repository repository, SnapshotId id) throws IOException {
        try {
            return SnapshotStore.read(repository, id).supersedes();
        } catch (CorruptDataException | NoSuchObjectException e) {
            return List.of();
        }
    }
}
