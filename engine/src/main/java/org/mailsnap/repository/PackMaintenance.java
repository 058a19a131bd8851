package org.mailsnap.repository;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.mailsnap.crypto.SubKeys;
import org.mailsnap.model.BlobId;
import org.mailsnap.model.BlobLocation;
import org.mailsnap.model.ObjectId;
import org.mailsnap.model.PackId;
import org.mailsnap.storage.Storage;

/**
 * Index files and packs as garbage collection sees them: read index files entry by entry, list packs, write new
 * index files, copy blobs into new packs, delete. The caller (prune) holds the exclusive lock and decides; this class
 * only carries out, with the same checks as every other reader and writer (format-spec/operations.md, "prune and
 * repack").
 */
public final class PackMaintenance {
    private final Storage storage;
    private final SubKeys keys;
    private final IndexSync indexFiles;
    private final ObjectStore objects;
    private final RepositoryOptions options;

    PackMaintenance(
            Storage storage, SubKeys keys, IndexSync indexFiles, ObjectStore objects, RepositoryOptions options) {
        this.storage = storage;
        this.keys = keys;
        this.indexFiles = indexFiles;
        this.objects = objects;
        this.options = options;
    }

    /** Receives the entries of an index file, pack by pack in file order, positions increasing. */
    @FunctionalInterface
    public interface EntryVisitor {
        void entry(BlobId id, BlobLocation location) throws IOException;
    }

    /** Ids of the index files in the listing. */
    public List<ObjectId> indexIds() throws IOException {
        return indexFiles.ids();
    }

    /**
     * Reads one index file (checked as every reader checks it), gives its entries to {@code visitor} (may be null)
     * and returns its {@code supersedes} list.
     */
    public List<ObjectId> readIndex(ObjectId id, EntryVisitor visitor) throws IOException {
        IndexFile file = indexFiles.read(id);
        if (visitor != null) {
            for (Map.Entry<BlobId, BlobLocation> e : file.locations()) {
                visitor.entry(e.getKey(), e.getValue());
            }
        }
        return file.supersedes();
    }

    /** Every pack in the listing: id → size in bytes. */
    public Map<PackId, Long> listPacks() throws IOException {
        return new Maintenance(storage, keys, indexFiles).listPacks().packs();
    }

    /** The size at which writers close a pack (repository option), which tells prune what a small pack is. */
    public int packTargetSize() {
        return options.packTargetSize();
    }

    /** A writer of new index files (empty {@code supersedes}) and of the final one. */
    public IndexBatchWriter newIndexWriter() {
        return new IndexBatchWriter(indexFiles, options.indexFlushEntries());
    }

    /** Copies blobs out of old packs into new ones, recording their new locations in {@code into}. */
    public PackCopier newCopier(IndexBatchWriter into) {
        return new PackCopier(storage, keys, options, into);
    }

    public void deletePack(PackId packId) throws IOException {
        storage.delete(PackFormat.objectName(packId));
    }

    public void deleteIndex(ObjectId id) throws IOException {
        objects.delete(ObjectKind.INDEX, id);
    }
}
