package org.mailsnap.cli;

import java.io.IOException;
import java.util.Map;
import java.util.Optional;
import org.mailsnap.catalog.Catalog;
import org.mailsnap.history.SnapshotHistory;
import org.mailsnap.repository.BlobStore;
import org.mailsnap.repository.Repository;

/**
 * An opened repository with its catalog, closed together; for a command that writes the catalog for its whole run,
 * also the catalog's {@link RunLock}. An outdated catalog is rebuilt while opening ({@link CatalogOpening}).
 */
final class Session implements AutoCloseable {
    final Repository repository;
    final Catalog catalog;
    private final Environment env;
    private final RunLock runLock;
    private final CatalogRebuilt rebuilt;

    private Session(Environment env, Repository repository, CatalogOpening.Opened opened, RunLock runLock) {
        this.env = env;
        this.repository = repository;
        this.catalog = opened.catalog();
        this.rebuilt = opened.rebuilt();
        this.runLock = runLock;
    }

    static Session open(Environment env, RepositoryAccessOptions repo, CatalogOptions catalog) throws IOException {
        return open(env, repo, catalog, null);
    }

    /**
     * Opens the session for a run that writes (backup, and later forget/prune): takes the catalog's run lock first,
     * so a second such run exits with {@link ExitCode#BUSY} instead of waiting.
     */
    static Session openForWriting(Environment env, RepositoryAccessOptions repo, CatalogOptions catalog, String command)
            throws IOException {
        return open(env, repo, catalog, command);
    }

    private static Session open(Environment env, RepositoryAccessOptions repo, CatalogOptions catalog, String writer)
            throws IOException {
        Repository repository = repo.open(env, id -> catalog.unlockCache(env, id));
        RunLock runLock = null;
        try {
            if (writer != null) {
                runLock = RunLock.acquire(catalog.directory(env, repository), writer);
            }
            return new Session(
                    env, repository, CatalogOpening.open(env, catalog, repository, runLock != null), runLock);
        } catch (IOException | RuntimeException e) {
            try {
                if (runLock != null) {
                    runLock.close();
                }
            } finally {
                close(repository);
            }
            throw e;
        }
    }

    /** What opening rebuilt first: an outdated catalog ({@link CatalogOpening}); empty mostly. */
    Optional<CatalogRebuilt> rebuilt() {
        return Optional.ofNullable(rebuilt);
    }

    /** A command's {@code --json} object, with {@code catalogRebuilt} added when opening rebuilt the catalog. */
    Map<String, Object> json(Map<String, Object> object) {
        if (rebuilt != null) {
            object.put("catalogRebuilt", rebuilt.json());
        }
        return object;
    }

    /** The snapshots; each damaged snapshot object is named on stderr, one line each, and skipped. */
    SnapshotHistory history() throws IOException {
        org.mailsnap.history.CatalogSync.blobIndex(repository, catalog);
        SnapshotHistory history = SnapshotHistory.load(repository, catalog);
        history.damaged().forEach(d -> env.err().println("warning: " + d.describe()));
        return history;
    }

    /** A blob store for reading (restores, listings). */
    BlobStore blobs() {
        return repository.openBlobStore(catalog.blobs());
    }

    @Override
    public void close() throws IOException {
        try {
            catalog.close();
        } finally {
            try {
                close(repository);
            } finally {
                if (runLock != null) {
                    runLock.close();
                }
            }
        }
    }

    private static void close(Repository repository) throws IOException {
        try {
            repository.close();
        } finally {
            repository.storage().close();
        }
    }
}
