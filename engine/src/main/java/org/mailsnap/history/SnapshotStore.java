package org.mailsnap.history;

import java.io.IOException;
import java.util.List;
import org.mailsnap.model.SnapshotId;
import org.mailsnap.repository.ObjectKind;
import org.mailsnap.repository.Repository;
import org.mailsnap.snapshot.Snapshot;
import org.mailsnap.snapshot.SnapshotCodec;

/**
 * The snapshot objects of a repository ({@code snapshots/<id>}) by their typed ids: the one place where a snapshot
 * id becomes an object id of the repository's object store, and a snapshot its encrypted object.
 */
public final class SnapshotStore {
    private SnapshotStore() {}

    /** The snapshot objects in the listing, which may lag behind recent writes. */
    public static List<SnapshotId> list(Repository repository) throws IOException {
        return repository.objects().list(ObjectKind.SNAPSHOT).stream()
                .map(SnapshotId::of)
                .toList();
    }

    /** Snapshot {@code id}, read and checked. */
    public static Snapshot read(Repository repository, SnapshotId id) throws IOException {
        return SnapshotCodec.decode(repository.objects().load(ObjectKind.SNAPSHOT, id.object()), id);
    }

    /** Publishes {@code snapshot}; returns its id. */
    public static SnapshotId save(Repository repository, Snapshot snapshot) throws IOException {
        return SnapshotId.of(repository.objects().save(ObjectKind.SNAPSHOT, SnapshotCodec.encode(snapshot)));
    }

    /** Deletes snapshot {@code id} (gone already: harmless). */
    public static void delete(Repository repository, SnapshotId id) throws IOException {
        repository.objects().delete(ObjectKind.SNAPSHOT, id.object());
    }
}
