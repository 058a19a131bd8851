package org.mailsnap.history;

import java.io.IOException;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import org.mailsnap.catalog.Catalog;
import org.mailsnap.catalog.SnapshotSummary;
import org.mailsnap.model.SnapshotId;
import org.mailsnap.repository.Repository;
import org.mailsnap.snapshot.Snapshot;

/** Lists snapshots and resolves the one a command names. */
public final class SnapshotHistory {
    private final Repository repository;
    private final List<SnapshotSummary> snapshots;
    private final List<DamagedSnapshot> damaged;

    private SnapshotHistory(Repository repository, List<SnapshotSummary> snapshots, List<DamagedSnapshot> damaged) {
        this.repository = repository;
        this.snapshots = snapshots.stream()
                .sorted(Comparator.comparing(SnapshotSummary::time))
                .toList();
        this.damaged = damaged;
    }

    /**
     * Syncs the catalog's summaries with the repository, then answers from them. Snapshot objects that cannot be
     * read are skipped and listed in {@link #damaged()}: the caller reports them.
     */
    public static SnapshotHistory load(Repository repository, Catalog catalog) throws IOException {
        CatalogSync.Snapshots synced = CatalogSync.snapshots(repository, catalog);
        return new SnapshotHistory(repository, synced.all(), synced.damaged());
    }

    /** Snapshot objects this load could not read (left out of {@link #all()}). */
    public List<DamagedSnapshot> damaged() {
        return damaged;
    }

    /** Oldest first. */
    public List<SnapshotSummary> all() {
        return snapshots;
    }

    /** The snapshot {@code id}; an error naming it when it is not in the history. */
    public SnapshotSummary byId(SnapshotId id) throws IOException {
        return snapshots.stream()
                .filter(s -> s.id().equals(id))
                .findFirst()
                .orElseThrow(() -> new IOException("no snapshot " + id));
    }

    /**
     * The snapshot a user names: by id, unique id prefix, or {@code latest}; with {@code store} non-null only that
     * store's snapshots count for {@code latest}.
     */
    public SnapshotSummary named(String idOrPrefix, String storeKey) throws IOException {
        if (idOrPrefix.equals("latest")) {
            return snapshots.stream()
                    .filter(s -> storeKey == null || s.storeKey().equals(storeKey))
                    .reduce((a, b) -> b)
                    .orElseThrow(() -> new IOException("the repository has no snapshot yet"));
        }
        List<SnapshotSummary> matches = snapshots.stream()
                .filter(s -> s.id().hex().startsWith(idOrPrefix))
                .toList();
        if (matches.size() != 1 || idOrPrefix.length() < 4) {
            throw new IOException(
                    matches.isEmpty()
                            ? "no snapshot " + idOrPrefix
                            : "snapshot id " + idOrPrefix + " is ambiguous or too short (" + matches.size()
                                    + " match)");
        }
        return matches.get(0);
    }

    /** The newest snapshot taken at or before {@code time}. */
    public SnapshotSummary at(Instant time, String storeKey) throws IOException {
        return snapshots.stream()
                .filter(s -> storeKey == null || s.storeKey().equals(storeKey))
                .filter(s -> !s.time().isAfter(time))
                .reduce((a, b) -> b)
                .orElseThrow(() -> new IOException("no snapshot at or before " + time));
    }

    public Snapshot open(SnapshotSummary summary) throws IOException {
        return SnapshotStore.read(repository, summary.id());
    }
}
