package org.mailsnap.backup;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import org.mailsnap.catalog.Catalog;
import org.mailsnap.crypto.Argon2Params;
import org.mailsnap.history.SnapshotHistory;
import org.mailsnap.maildir.CountingMessageFiles;
import org.mailsnap.maildir.lock.FolderLocker;
import org.mailsnap.repository.Repository;
import org.mailsnap.repository.RepositoryOptions;
import org.mailsnap.restore.RestoreMode;
import org.mailsnap.restore.RestoreRequest;
import org.mailsnap.restore.RestoreResult;
import org.mailsnap.restore.Restorer;
import org.mailsnap.snapshot.Snapshot;
import org.mailsnap.storage.LocalStorage;
import org.mailsnap.storage.Storage;

/**
 * A real repository (local directory, real crypto with a cheap KDF), a real LMDB catalog and a counting file opener,
 * for tests that back up and restore real Maildir trees.
 */
public final class BackupFixture implements AutoCloseable {
    public final Path dir;
    public final Storage storage;
    public final Repository repository;
    public Catalog catalog;
    public final CountingMessageFiles files = new CountingMessageFiles();

    public BackupFixture(Path dir) throws IOException {
        this.dir = dir;
        java.nio.file.Files.createDirectories(dir);
        this.storage = new LocalStorage(dir.resolve("repo"));
        this.repository = Repository.init(storage, "secret".toCharArray(),
                RepositoryOptions.builder().argon2(new Argon2Params(8, 1, 1)).build());
        this.catalog = Catalog.open(dir.resolve("catalog"), repository.config().repositoryId());
    }

    public BackupResult backup(Path store) throws IOException {
        return backup(BackupSettings.of(store, "testhost").withThreads(2));
    }

    public BackupResult backup(BackupSettings settings) throws IOException {
        return new Backup(repository, catalog, files, FolderLocker.none(), Clock.systemUTC())
                .run(settings, new BackupProgress());
    }

    public RestoreResult restore(String snapshotId, String mailbox, Path target, RestoreMode mode) throws IOException {
        SnapshotHistory history = SnapshotHistory.load(repository, catalog);
        Snapshot snapshot = history.open(history.byId(snapshotId, null));
        var blobs = repository.openBlobStore(catalog.blobs());
        return new Restorer(blobs::get, 2).restore(snapshot, new RestoreRequest(mailbox, null, null, target, mode));
    }

    /** Deletes the catalog and opens an empty one, as on a new machine. */
    public void loseCatalog() throws IOException {
        catalog.close();
        Catalog.delete(dir.resolve("catalog"));
        catalog = Catalog.open(dir.resolve("catalog"), repository.config().repositoryId());
    }

    @Override
    public void close() throws IOException {
        catalog.close();
        repository.close();
        storage.close();
    }
}
