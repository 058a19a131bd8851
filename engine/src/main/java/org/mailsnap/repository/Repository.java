package org.mailsnap.repository;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import org.mailsnap.crypto.SubKeys;
import org.mailsnap.model.BlobId;
import org.mailsnap.model.BlobIndex;
import org.mailsnap.model.ObjectId;
import org.mailsnap.storage.NoSuchObjectException;
import org.mailsnap.storage.Storage;

/**
 * An unlocked repository: its config, keys, blob store, encrypted objects and locks.
 *
 * <pre>{@code
 * Repository repo = Repository.init(storage, password, RepositoryOptions.defaults());   // or open(storage, password)
 * BlobStore blobs = repo.openBlobStore(new MemoryBlobIndex());  // the catalog's BlobIndex in real runs
 * try (RepositoryLock lock = repo.lockShared()) {
 *     BlobId id = blobs.put(BlobType.DATA, bytes);
 *     blobs.flush();                                             // packs, then an index file
 *     repo.objects().save(ObjectKind.SNAPSHOT, snapshotBytes);   // last
 * }
 * }</pre>
 */
public final class Repository implements AutoCloseable {
    static final String CONFIG = ConfigCodec.NAME;

    private final Storage storage;
    private final RepositoryConfig config;
    private final RepositoryOptions options;
    private final byte[] masterKey;
    private final SubKeys subKeys;
    private final KeyFiles keys;
    private final ObjectStore objects;
    private final IndexSync indexSync;
    private final LockManager locks;

    private Repository(
            Storage storage, RepositoryConfig config, RepositoryOptions options, byte[] masterKey, String keyInUse) {
        this.storage = storage;
        this.config = config;
        this.options = options;
        this.masterKey = masterKey;
        this.subKeys = SubKeys.derive(masterKey);
        this.keys = new KeyFiles(storage, config.repositoryId(), masterKey, keyInUse, options);
        this.objects = new ObjectStore(storage, subKeys, options.random(), options.compressionLevel());
        this.indexSync = new IndexSync(objects);
        this.locks = new LockManager(objects, options);
    }

    /**
     * Creates a repository: a key file for {@code password}, then the config (whose existence makes the repository
     * exist). Refuses when a config is already there.
     */
    public static Repository init(Storage storage, char[] password, RepositoryOptions options) throws IOException {
        if (storage.exists(CONFIG)) {
            throw new RepositoryExistsException(
                    storage.location() + ": a repository already exists here; " + "init leaves it untouched");
        }
        byte[] masterKey = new byte[SubKeys.MASTER_KEY_LENGTH];
        options.random().nextBytes(masterKey);
        byte[] repositoryId = new byte[ConfigCodec.REPOSITORY_ID_LENGTH];
        options.random().nextBytes(repositoryId);
        RepositoryConfig config = new RepositoryConfig(
                RepositoryConfig.CURRENT_VERSION,
                Hex.of(repositoryId),
                options.clock().instant().truncatedTo(java.time.temporal.ChronoUnit.MILLIS),
                options.chunker());
        String keyId = KeyFiles.write(storage, masterKey, password, config.repositoryId(), options.keyLabel(), options);
        SubKeys subKeys = SubKeys.derive(masterKey);
        byte[] configBytes = ConfigCodec.encode(config, subKeys);
        if (storage.exists(CONFIG)) {
            throw new RepositoryExistsException(storage.location() + ": another process created a repository here "
                    + "meanwhile; init stops (its key file " + keyId + " is an orphan)");
        }
        storage.put(CONFIG, configBytes);
        byte[] readBack = storage.get(CONFIG);
        ConfigCodec.verifyMac(readBack, subKeys);
        if (!ConfigCodec.parse(readBack, storage.location()).equals(config)) {
            throw new CorruptObjectException(CONFIG, "read back differs from what was written");
        }
        return new Repository(storage, config, options, masterKey, keyId);
    }

    /** Opens with default options for what is written from now on. */
    public static Repository open(Storage storage, char[] password) throws IOException {
        return open(storage, password, RepositoryOptions.defaults());
    }

    /**
     * Reads and version-checks the config before trying any password, then unlocks the first key file of this
     * repository that {@code password} opens, then checks the config's MAC.
     */
    public static Repository open(Storage storage, char[] password, RepositoryOptions options) throws IOException {
        byte[] configBytes = readConfig(storage);
        RepositoryConfig config = ConfigCodec.parse(configBytes, storage.location());
        KeyFiles.Unlocked unlocked = KeyFiles.unlock(storage, config.repositoryId(), password);
        ConfigCodec.verifyMac(configBytes, SubKeys.derive(unlocked.masterKey()));
        return new Repository(storage, config, options, unlocked.masterKey(), unlocked.keyId());
    }

    /**
     * Like {@link #open(Storage, char[], RepositoryOptions)}, but first tries the unlock cache for this repository id
     * (the function gives its file): a valid entry for this
     * password skips the key derivation; after a normal unlock the cache is (re)written. See {@link UnlockCache}.
     */
    public static Repository open(
            Storage storage,
            char[] password,
            RepositoryOptions options,
            java.util.function.Function<String, UnlockCache> cacheForRepositoryId)
            throws IOException {
        byte[] configBytes = readConfig(storage);
        RepositoryConfig config = ConfigCodec.parse(configBytes, storage.location());
        UnlockCache cache = cacheForRepositoryId.apply(config.repositoryId());
        var cached = cache.read(config.repositoryId(), password).orElse(null);
        if (cached != null && storage.exists(KeyFile.objectName(cached.keyId()))) {
            try {
                ConfigCodec.verifyMac(configBytes, SubKeys.derive(cached.masterKey()));
                return new Repository(storage, config, options, cached.masterKey(), cached.keyId());
            } catch (CorruptObjectException staleOrForeign) {
                // fall through to the key files
            }
        }
        Repository repository = open(storage, password, options);
        repository.writeUnlockCache(cache, password);
        return repository;
    }

    /**
     * Writes {@code cache} for this repository, the key file in use and {@code password} (which unlocked it): what
     * an open through the cache does after a key derivation, and what {@code init} does so that the first backup
     * need not derive the key again.
     */
    public void writeUnlockCache(UnlockCache cache, char[] password) throws IOException {
        cache.write(config.repositoryId(), keys.inUse(), masterKey, password);
    }

    private static byte[] readConfig(Storage storage) throws IOException {
        try {
            return storage.get(CONFIG);
        } catch (NoSuchObjectException e) {
            throw new NoRepositoryException(storage.location() + ": no repository here (no config)");
        }
    }

    public RepositoryConfig config() {
        return config;
    }

    public Storage storage() {
        return storage;
    }

    /** The passwords (key files). */
    public KeyFiles keyFiles() {
        return keys;
    }

    /** 32 secret bytes from which the chunker builds its gear table. */
    public byte[] chunkerSeed() {
        return subKeys.chunkerSeed();
    }

    /** The keyed id of {@code plaintext} (what {@link BlobStore#put} returns for it). */
    public BlobId blobId(byte[] plaintext) {
        return subKeys.idHasher().hash(plaintext);
    }

    /** A blob store deduplicating against and feeding {@code index}. Use one per run. */
    public BlobStore openBlobStore(BlobIndex index) {
        return new BlobStore(storage, subKeys, index, indexSync, options);
    }

    /** Encrypted objects: snapshots (and index files and locks, which this package writes itself). */
    public ObjectStore objects() {
        return objects;
    }

    /** Loads the repository's index files into a blob index. */
    public IndexSync indexSync() {
        return indexSync;
    }

    /** Listings, index files, pack headers and whole-pack verification, for check and repair. */
    public Maintenance maintenance() {
        return new Maintenance(storage, subKeys, indexSync);
    }

    /** Index files and packs for garbage collection (prune); the caller holds the exclusive lock. */
    public PackMaintenance packMaintenance() {
        return new PackMaintenance(storage, subKeys, indexSync, objects, options);
    }

    /** A shared lock (backups; many at once). */
    public RepositoryLock lockShared() throws IOException {
        return locks.acquire(false);
    }

    /** An exclusive lock (prune, repair). */
    public RepositoryLock lockExclusive() throws IOException {
        return locks.acquire(true);
    }

    /** Every lock object, for the operator. */
    public List<LockInfo> listLocks() throws IOException {
        return locks.list();
    }

    /** Deletes one lock object, stale or not (the operator knows its holder is gone). */
    public void removeLock(ObjectId id) throws IOException {
        locks.remove(id);
    }

    /** Forgets the master key held in memory (best effort). */
    @Override
    public void close() {
        Arrays.fill(masterKey, (byte) 0);
    }
}
