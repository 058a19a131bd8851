package org.mailsnap.repository;

import java.io.IOException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.mailsnap.codec.CorruptDataException;
import org.mailsnap.model.BlobIndex;
import org.mailsnap.model.ObjectId;

/**
 * Feeds a {@link BlobIndex} from the repository's index files: all of them (a rebuild) or those not yet known.
 *
 * <p>An index file named in the {@code supersedes} list of any present index file is skipped (format-spec,
 * operations.md); so is a damaged one that is superseded (repair replaces damaged index files that way), while a
 * damaged one that nothing supersedes fails the sync. Knowing that requires reading every new file before feeding
 * any, so this reads in two passes; decoded files are kept between the passes up to a budget of entries, the rest
 * are read again.
 */
public final class IndexSync {
    private static final int RETAIN_ENTRIES = 200_000;
    private final ObjectStore objects;

    IndexSync(ObjectStore objects) {
        this.objects = objects;
    }

    /**
     * @param processed     every id read by this sync (fed or skipped as superseded); the caller adds them to its
     *                      {@code alreadyKnown} set for the next sync
     * @param fed           ids whose entries were added to the blob index
     * @param superseded    ids named as superseded by the files read
     * @param rebuildNeeded true when a file the caller had already loaded is now superseded, or gone from the
     *                      listing (a prune deleted it; a later prune's final index need not name it): its entries may
     *                      name deleted packs, so the caller must clear its blob index and sync from scratch
     */
    public record Result(Set<ObjectId> processed, Set<ObjectId> fed, Set<ObjectId> superseded, boolean rebuildNeeded) {}

    /** Reads every index file and feeds the blob index (for an empty blob index). */
    public Result loadAll(BlobIndex target) throws IOException {
        return sync(target, Set.of());
    }

    /** Reads the index files not in {@code alreadyKnown} and feeds their non-superseded entries to {@code target}. */
    public Result sync(BlobIndex target, Set<ObjectId> alreadyKnown) throws IOException {
        Set<ObjectId> listed = new LinkedHashSet<>(ids());
        Set<ObjectId> fresh = new LinkedHashSet<>(listed);
        fresh.removeAll(alreadyKnown);

        Set<ObjectId> superseded = new HashSet<>();
        Map<ObjectId, IndexFile> retained = new HashMap<>();
        Map<ObjectId, CorruptDataException> damaged = new HashMap<>();
        int retainedEntries = 0;
        for (ObjectId id : fresh) {
            IndexFile file;
            try {
                file = read(id);
            } catch (CorruptDataException e) {
                damaged.put(id, e); // harmless once a repair has superseded it; fatal otherwise (below)
                continue;
            }
            superseded.addAll(file.supersedes());
            if (retainedEntries + file.entryCount() <= RETAIN_ENTRIES) {
                retained.put(id, file);
                retainedEntries += file.entryCount();
            }
        }

        for (Map.Entry<ObjectId, CorruptDataException> e : damaged.entrySet()) {
            if (!superseded.contains(e.getKey())) {
                throw new CorruptObjectException(
                        e.getValue().resource(),
                        e.getValue().problem() + "; run 'mailsnap repair' to index its packs anew",
                        e.getValue());
            }
        }
        Set<ObjectId> fed = new HashSet<>();
        for (ObjectId id : fresh) {
            if (superseded.contains(id)) {
                continue;
            }
            IndexFile file = retained.containsKey(id) ? retained.remove(id) : read(id);
            target.addAll(file.locations());
            fed.add(id);
        }
        boolean rebuildNeeded = alreadyKnown.stream().anyMatch(id -> superseded.contains(id) || !listed.contains(id));
        return new Result(Set.copyOf(fresh), Set.copyOf(fed), Set.copyOf(superseded), rebuildNeeded);
    }

    /**
     * The index file that lists {@code id} and is not superseded, if any: reads every index file, so only for
     * diagnosing a blob the local index lacks.
     */
    public java.util.Optional<ObjectId> listing(org.mailsnap.model.BlobId id) throws IOException {
        Set<ObjectId> superseded = new HashSet<>();
        ObjectId found = null;
        for (ObjectId name : ids()) {
            IndexFile file = read(name);
            superseded.addAll(file.supersedes());
            if (found == null
                    && file.locations().stream().anyMatch(e -> e.getKey().equals(id))) {
                found = name;
            }
        }
        return found == null || superseded.contains(found) ? java.util.Optional.empty() : java.util.Optional.of(found);
    }

    /** One index file, decoded and checked. */
    IndexFile read(ObjectId id) throws IOException {
        return IndexFile.decode(id, objects.load(ObjectKind.INDEX, id));
    }

    /** The index files in {@code index/}, in listing order. */
    List<ObjectId> ids() throws IOException {
        return objects.list(ObjectKind.INDEX);
    }

    /** Publishes an index file; returns its id. */
    ObjectId write(List<ObjectId> supersedes, List<IndexFile.PackRecord> packs) throws IOException {
        return objects.save(ObjectKind.INDEX, new IndexFile(supersedes, packs).encode());
    }
}
