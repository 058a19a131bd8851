package org.mailsnap.history;

import java.io.IOException;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.mailsnap.codec.CorruptDataException;
import org.mailsnap.model.SnapshotId;
import org.mailsnap.repository.Repository;
import org.mailsnap.snapshot.Snapshot;
import org.mailsnap.storage.NoSuchObjectException;

/**
 * Every snapshot object of a listing, read once, with {@code Supersedes} applied (format-spec/snapshots.md,
 * "Replacement snapshots"): a snapshot that a readable one supersedes is not {@link #current()}; an unreadable
 * object supersedes nothing. For the commands that read every snapshot anyway (prune, check, forget), and for the
 * snapshots new to the catalog in its incremental sync ({@link CatalogSync}).
 */
public final class SnapshotObjects {
    private final Map<SnapshotId, Snapshot> readable = new LinkedHashMap<>();
    private final Map<SnapshotId, IOException> unreadable = new LinkedHashMap<>();
    private final Set<SnapshotId> supersededIds = new HashSet<>();

    private SnapshotObjects() {}

    /** Lists {@code snapshots/} and reads every object. */
    public static SnapshotObjects load(Repository repository) throws IOException {
        return load(repository, SnapshotStore.list(repository));
    }

    /** Reads the objects of {@code ids} (one gone since the listing is left out). */
    public static SnapshotObjects load(Repository repository, List<SnapshotId> ids) throws IOException {
        SnapshotObjects objects = new SnapshotObjects();
        for (SnapshotId id : ids) {
            try {
                Snapshot s = SnapshotStore.read(repository, id);
                objects.readable.put(id, s);
                objects.supersededIds.addAll(s.supersedes());
            } catch (NoSuchObjectException e) {
                // removed since the listing
            } catch (CorruptDataException e) {
                objects.unreadable.put(id, e);
            }
        }
        return objects;
    }

    /** The readable snapshots no readable snapshot supersedes, in listing order. */
    public Map<SnapshotId, Snapshot> current() {
        Map<SnapshotId, Snapshot> current = new LinkedHashMap<>(readable);
        current.keySet().removeAll(supersededIds);
        return current;
    }

    /** Every id a readable snapshot supersedes, of an object present or not. */
    public Set<SnapshotId> supersededIds() {
        return Set.copyOf(supersededIds);
    }

    /** Objects present that a readable snapshot supersedes (readable or not): leftovers of a replacement. */
    public List<SnapshotId> superseded() {
        return Stream.concat(readable.keySet().stream(), unreadable.keySet().stream())
                .filter(supersededIds::contains)
                .toList();
    }

    /** Objects that cannot be read and that nothing supersedes, with why. */
    public Map<SnapshotId, IOException> unreadable() {
        Map<SnapshotId, IOException> result = new LinkedHashMap<>(unreadable);
        result.keySet().removeAll(supersededIds);
        return result;
    }
}
