package org.mailsnap.backup;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.mailsnap.catalog.CatalogBlobIndex;
import org.mailsnap.model.BlobId;
import org.mailsnap.model.BlobIndex;
import org.mailsnap.model.BlobLocation;
import org.mailsnap.model.ObjectId;

/**
 * The blob index a run's blob store works with: the catalog's, plus the packs this run published, which reach the
 * catalog only once an index file lists them.
 *
 * <p>Why: the blob store records a pack as soon as the pack is published, before the index file that lists it.
 * Recorded straight into the catalog (durable at once), a run that fails in between would leave the catalog knowing
 * blobs the repository's index files do not; the next run would deduplicate against them and write a snapshot that
 * only this catalog can restore, not a rebuilt one. So they wait here, in memory (one checkpoint's worth), and
 * {@link #flushed} hands them over after the blob store's flush has written the index files.
 */
final class RunBlobIndex implements BlobIndex {
    private final CatalogBlobIndex catalog;
    private final Map<BlobId, BlobLocation> published = new ConcurrentHashMap<>();
    /** Blobs the catalog's state names, for the mailbox being recorded: stored, without a lookup. */
    private volatile Set<BlobId> takenAsStored = Set.of();
    /** Blobs check or a restore found bad (few), which a put must store again however they are referenced. */
    private Set<BlobId> damaged;

    RunBlobIndex(CatalogBlobIndex catalog) {
        this.catalog = catalog;
    }

    @Override
    public Optional<BlobLocation> find(BlobId id) throws IOException {
        BlobLocation mine = published.get(id);
        return mine != null ? Optional.of(mine) : catalog.find(id);
    }

    @Override
    public boolean contains(BlobId id) throws IOException {
        return published.containsKey(id)
                || takenAsStored.contains(id)
                || catalog.find(id).isPresent();
    }

    /**
     * Takes {@code ids} as stored, without asking the catalog, until the next call: blobs the catalog's folder
     * states name, called only while no prune was seen since a finished run recorded them
     * ({@code RunState.stateBlobsStored}), so none was deleted. Blobs marked damaged are left out: a put stores them
     * again. Why: an hour's run writes each changed folder's control files and its mailbox's manifests again,
     * ~100,000 chunks at a million messages, nearly all unchanged, and each lookup in the catalog's blob index faults
     * pages of a file too large to keep mapped.
     */
    void takeAsStored(Set<BlobId> ids) throws IOException {
        if (ids.isEmpty()) {
            takenAsStored = Set.of();
            return;
        }
        if (damaged == null) {
            damaged = new HashSet<>();
            catalog.damagedLocations().forEach(d -> damaged.add(d.id()));
        }
        Set<BlobId> trusted = new HashSet<>(ids);
        trusted.removeAll(damaged);
        takenAsStored = trusted;
    }

    @Override
    public Optional<String> damageOf(BlobId id) throws IOException {
        return catalog.damageOf(id);
    }

    @Override
    public IOException lacks(BlobId id, ObjectId indexFile) {
        return catalog.lacks(id, indexFile);
    }

    @Override
    public void addAll(Iterable<Map.Entry<BlobId, BlobLocation>> entries) {
        for (Map.Entry<BlobId, BlobLocation> e : entries) {
            published.put(e.getKey(), e.getValue());
        }
    }

    /**
     * Call right after the blob store's flush returned, with no put in flight: every pack published so far is now
     * listed by one of {@code indexFiles}, so its blobs go into the catalog and those files are marked loaded.
     */
    void flushed(Set<ObjectId> indexFiles) throws IOException {
        List<Map.Entry<BlobId, BlobLocation>> entries = new ArrayList<>(published.entrySet());
        catalog.addAll(entries);
        for (Map.Entry<BlobId, BlobLocation> e : entries) {
            published.remove(e.getKey(), e.getValue());
        }
        for (ObjectId name : indexFiles) {
            catalog.markIndexLoaded(name);
        }
    }
}
