package org.mailsnap.repository;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.mailsnap.model.BlobId;
import org.mailsnap.model.BlobLocation;
import org.mailsnap.model.ObjectId;
import org.mailsnap.model.PackId;

/**
 * Collects blob locations and publishes them as index files of bounded size (step 4 of prune), then the final index
 * file whose {@code supersedes} retires the old ones (step 5). Entries of one pack added in several calls are merged
 * into one pack record per file (a reader rejects a pack listed twice in one file); a position added twice is
 * listed once. Not thread-safe.
 */
public final class IndexBatchWriter {
    private final IndexSync indexFiles;
    private final int flushEntries;
    /** pack id → position → entry; sorted so that positions come out strictly increasing. */
    private final Map<PackId, TreeMap<Integer, PackEntry>> pending = new TreeMap<>();

    private int pendingEntries;
    private final List<ObjectId> written = new ArrayList<>();

    IndexBatchWriter(IndexSync indexFiles, int flushEntries) {
        this.indexFiles = indexFiles;
        this.flushEntries = flushEntries;
    }

    /** Lists blob {@code id} at {@code location}; publishes an index file when enough entries are pending. */
    public void add(BlobId id, BlobLocation location) throws IOException {
        PackEntry entry = PackEntry.of(id, location);
        if (pending.computeIfAbsent(location.pack(), p -> new TreeMap<>()).put(location.indexInPack(), entry) == null) {
            pendingEntries++;
        }
        if (pendingEntries >= flushEntries) {
            flush();
        }
    }

    /** Publishes what is pending, if anything. */
    public void flush() throws IOException {
        if (pending.isEmpty()) {
            return;
        }
        List<IndexFile.PackRecord> records = new ArrayList<>(pending.size());
        pending.forEach((pack, entries) -> records.add(
                new IndexFile.PackRecord(pack, List.copyOf(entries.keySet()), List.copyOf(entries.values()))));
        written.add(indexFiles.write(List.of(), records));
        pending.clear();
        pendingEntries = 0;
    }

    /**
     * Publishes what is pending, then the final index file: no packs, {@code supersedes} as given (old index files,
     * and pack ids to remember for the two-phase rule). Returns the final file's id.
     */
    public ObjectId finish(List<ObjectId> supersedes) throws IOException {
        flush();
        ObjectId id = indexFiles.write(supersedes, List.of());
        written.add(id);
        return id;
    }

    /** Ids of the index files published so far. */
    public List<ObjectId> written() {
        return List.copyOf(written);
    }
}
