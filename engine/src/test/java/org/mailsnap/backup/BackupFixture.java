package org.mailsnap.backup;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import org.mailsnap.catalog.Catalog;
import org.mailsnap.crypto.Argon2Params;
import org.mailsnap.history.CatalogSync;
import org.mailsnap.history.SnapshotHistory;
import org.mailsnap.maildir.CountingMessageFiles;
import org.mailsnap.maildir.Maildirs;
import org.mailsnap.maildir.MessageFiles;
import org.mailsnap.maildir.lock.FolderLocker;
import org.mailsnap.mailgen.StoreTree;
import org.mailsnap.model.FolderKey;
import org.mailsnap.model.Placement;
import org.mailsnap.model.SnapshotId;
import org.mailsnap.repository.Repository;
import org.mailsnap.repository.RepositoryOptions;
import org.mailsnap.restore.RestoreMode;
import org.mailsnap.restore.RestoreRequest;
import org.mailsnap.restore.RestoreResult;
import org.mailsnap.restore.Restorer;
import org.mailsnap.snapshot.ChunkCursor;
import org.mailsnap.snapshot.FolderEntry;
import org.mailsnap.snapshot.Snapshot;
import org.mailsnap.storage.FaultInjectingStorage;
import org.mailsnap.storage.LocalStorage;
import org.mailsnap.storage.Storage;

/**
 * A real repository (local directory, real crypto with a cheap KDF), a real LMDB catalog and a counting file opener,
 * for tests that back up and restore real Maildir trees.
 */
public final class BackupFixture implements AutoCloseable {
    private static final char[] PASSWORD = "secret".toCharArray();

    public final Path dir;
    public final Storage storage;
    /** The storage wrapper that breaks things on purpose, or null when the fixture was made without one. */
    public final FaultInjectingStorage faults;

    public final Repository repository;
    public Catalog catalog;
    public final CountingMessageFiles files = new CountingMessageFiles();

    public BackupFixture(Path dir) throws IOException {
        this(dir, null, false, cheapKdf().build());
    }

    /** A new repository on {@code repositoryStorage} (S3, say), with its catalog under {@code dir}. */
    public BackupFixture(Path dir, Storage repositoryStorage, RepositoryOptions options) throws IOException {
        this(dir, null, false, options, repositoryStorage);
    }

    private BackupFixture(Path dir, Long faultSeed, boolean existing, RepositoryOptions options) throws IOException {
        this(dir, faultSeed, existing, options, null);
    }

    private BackupFixture(Path dir, Long faultSeed, boolean existing, RepositoryOptions options, Storage given)
            throws IOException {
        this.dir = dir;
        java.nio.file.Files.createDirectories(dir);
        Storage local = given != null ? given : new LocalStorage(dir.resolve("repo"));
        this.faults = faultSeed == null ? null : new FaultInjectingStorage(local, faultSeed);
        this.storage = faults == null ? local : faults;
        this.repository =
                existing ? Repository.open(storage, PASSWORD, options) : Repository.init(storage, PASSWORD, options);
        this.catalog = Catalog.open(dir.resolve("catalog"), repository.config().repositoryId());
    }

    /** Repository options with a KDF cheap enough for tests; everything else as given to the builder. */
    public static RepositoryOptions.Builder cheapKdf() {
        return RepositoryOptions.builder().argon2(new Argon2Params(8, 1, 1));
    }

    /** A new repository in {@code dir} whose storage is wrapped in a {@link FaultInjectingStorage}. */
    public static BackupFixture withFaults(Path dir, long seed, RepositoryOptions options) throws IOException {
        return new BackupFixture(dir, seed, false, options);
    }

    /** Opens the repository and catalog a closed fixture left in {@code dir}, storage wrapped for faults. */
    public static BackupFixture reopen(Path dir, long seed, RepositoryOptions options) throws IOException {
        return new BackupFixture(dir, seed, true, options);
    }

    /** Makes a store of one message (mailbox {@code u}, INBOX) at {@code store} and backs it up: the snapshot's id. */
    public SnapshotId backupOneMessage(Path store) throws IOException {
        Maildirs.message(Maildirs.maildir(store.resolve("u")), "cur", "1700000001.M1P1.h:2,S");
        return backup(store).snapshotId();
    }

    public BackupResult backup(Path store) throws IOException {
        return backup(BackupSettings.builder(store, "testhost").threads(2).build());
    }

    public BackupResult backup(BackupSettings settings) throws IOException {
        return backup(settings, files, FolderLocker.none());
    }

    /** A run through other message files or another locker (tests that change the store while it runs). */
    public BackupResult backup(BackupSettings settings, MessageFiles messageFiles, FolderLocker locker)
            throws IOException {
        return new Backup(repository, catalog, messageFiles, locker, Clock.systemUTC())
                .run(settings, new BackupProgress());
    }

    public RestoreResult restore(SnapshotId snapshotId, String mailbox, Path target, RestoreMode mode)
            throws IOException {
        return restore(snapshotId, new RestoreRequest(mailbox, null, null, target, mode));
    }

    public RestoreResult restore(SnapshotId snapshotId, RestoreRequest request) throws IOException {
        Snapshot snapshot = snapshot(snapshotId);
        CatalogSync.blobIndex(repository, catalog); // as a restore on a new machine must: index files first
        var blobs = repository.openBlobStore(catalog.blobs());
        return new Restorer(blobs::get, 2).restore(snapshot, request);
    }

    /** Restores the whole snapshot into {@code target} and asserts it is {@code store} now: names, bytes, mtimes. */
    public void assertRestoresExactly(SnapshotId snapshotId, Path store, Path target) throws IOException {
        StoreTree.Options options = StoreTree.Options.exact().ignoringDirectoryMtimes();
        restore(snapshotId, null, target, RestoreMode.EMPTY_TARGET);
        org.junit.jupiter.api.Assertions.assertEquals(
                java.util.List.of(),
                StoreTree.capture(store, options).diff(StoreTree.capture(target, options)),
                "snapshot " + snapshotId.shortId() + " restores the store");
    }

    /** The snapshot object, as a restore finds it (the catalog synced with the repository first). */
    public Snapshot snapshot(SnapshotId snapshotId) throws IOException {
        SnapshotHistory history = SnapshotHistory.load(repository, catalog);
        return history.open(history.byId(snapshotId));
    }

    /** Ids of the snapshot objects in the repository (not the catalog's view). */
    public java.util.Set<SnapshotId> snapshotIds() throws IOException {
        return new java.util.TreeSet<>(org.mailsnap.history.SnapshotStore.list(repository));
    }

    /** A snapshot's folder entries, read back from its tree. */
    public java.util.SortedMap<FolderKey, FolderEntry> folders(SnapshotId snapshotId) throws IOException {
        var blobs = repository.openBlobStore(catalog.blobs());
        java.util.SortedMap<FolderKey, FolderEntry> folders = new java.util.TreeMap<>();
        ChunkCursor.tree(snapshot(snapshotId).tree(), blobs::get).forEachRemaining(f -> folders.put(f.key(), f));
        return folders;
    }

    /** Every placement of a snapshot, by folder, read back from its tree and manifests. */
    public java.util.SortedMap<FolderKey, java.util.List<Placement>> placements(SnapshotId snapshotId)
            throws IOException {
        Snapshot snapshot = snapshot(snapshotId);
        var blobs = repository.openBlobStore(catalog.blobs());
        java.util.SortedMap<FolderKey, java.util.List<Placement>> all = new java.util.TreeMap<>();
        ChunkCursor.tree(snapshot.tree(), blobs::get).forEachRemaining(folder -> {
            java.util.List<Placement> list = new java.util.ArrayList<>();
            ChunkCursor.manifest(folder.manifest(), blobs::get).forEachRemaining(list::add);
            all.put(folder.key(), list);
        });
        return all;
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
