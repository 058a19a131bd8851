package org.mailsnap.catalog;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * The local catalog: a cache of the repository and the state of the last backup run, in two LMDB environments under
 * one directory ({@code state/} for the run state, {@code blobs/} for the blob index). It can always be deleted
 * and rebuilt from the repository.
 *
 * <pre>
 * try (Catalog catalog = Catalog.open(dir, repositoryId);
 *      CatalogReader last = catalog.read();
 *      CatalogWriter run = catalog.beginWrite()) {
 *     // merge last.placements(store, folder) with the new listing, run.put…(…) the changes
 *     run.commit();
 * }
 * </pre>
 */
public final class Catalog implements AutoCloseable {
    /**
     * The catalog format this version reads and writes. 2: every value ends in a {@link RecordChecksum} (1 had
     * none). 3: a message that went away records when it was found gone ({@link MessageInfo#goneBy()}), which a
     * version 2 record does not know. A catalog of an older version, or version 0 (an unfinished rebuild), is
     * rebuilt ({@link #outdated}); of a newer version, refused.
     */
    public static final int FORMAT_VERSION = 3;

    /**
     * The map size of each environment: LMDB reserves address space, not disk; the files grow as data arrives.
     */
    public static final long DEFAULT_MAP_SIZE =
            "32".equals(System.getProperty("sun.arch.data.model")) ? 512L << 20 : 64L << 30;

    static final String STATE_DIR = "state";
    static final String BLOBS_DIR = "blobs";
    /**
     * The file a command that writes the catalog locks for its whole run (the CLI's run lock), so that a second
     * hourly run exits instead of piling up. {@link #delete} keeps it: deleting a held lock file would let a third
     * run lock a new one.
     */
    public static final String RUN_LOCK_FILE = "mailsnap.lock";

    private static final Set<Path> OPEN_IN_THIS_PROCESS = ConcurrentHashMap.newKeySet();

    private final Path directory;
    private final Path identity;
    private final String repositoryId;
    private final LmdbEnvironment state;
    private final LmdbEnvironment blobEnvironment;
    private final StateDatabases stateDatabases;
    private final CatalogBlobIndex blobs;
    private final Handles handles = new Handles();
    private final List<String> tightened;
    private volatile Thread writerThread;

    private Catalog(
            Path directory,
            Path identity,
            String repositoryId,
            LmdbEnvironment state,
            LmdbEnvironment blobEnvironment,
            List<String> tightened) {
        this.directory = directory;
        this.tightened = tightened;
        this.identity = identity;
        this.repositoryId = repositoryId;
        this.state = state;
        this.blobEnvironment = blobEnvironment;
        this.stateDatabases = StateDatabases.of(state);
        this.blobs = new CatalogBlobIndex(blobEnvironment, handles);
    }

    /** Opens the catalog in {@code directory} for {@code repositoryId}, creating it when absent. */
    public static Catalog open(Path directory, String repositoryId) throws IOException {
        return open(directory, repositoryId, DEFAULT_MAP_SIZE);
    }

    /**
     * Opens the catalog in {@code directory} for {@code repositoryId}, creating it when absent.
     *
     * @param mapSize each environment's map size in bytes (raised to twice a data file's size when the file has
     *                grown past half of it)
     * @throws CatalogMismatchException when the catalog belongs to another repository
     * @throws org.mailsnap.codec.UnsupportedVersionException when the catalog has another format version
     * @throws UnfinishedCatalogException when the catalog is a rebuild that was stopped
     */
    public static Catalog open(Path directory, String repositoryId, long mapSize) throws IOException {
        return open(directory, repositoryId, mapSize, FORMAT_VERSION);
    }

    /**
     * Deletes the catalog in {@code directory} (as {@link #delete}) and creates an empty one marked unfinished, for a
     * rebuild: until {@link #finishRebuild()} every {@link #open} refuses it ({@link UnfinishedCatalogException}),
     * so a rebuild stopped half-way (killed, a full disk) is rebuilt again and never taken for a whole catalog.
     */
    public static Catalog recreate(Path directory, String repositoryId) throws IOException {
        delete(directory);
        return open(directory, repositoryId, DEFAULT_MAP_SIZE, LmdbEnvironment.UNFINISHED);
    }

    /**
     * Why the catalog must be rebuilt from the repository before it can be used, when that is what {@code e}, thrown
     * by {@link #open}, says: an older format (e.g. {@code "format 2, older than this mailsnap's 3"}), or a rebuild
     * that was stopped; empty for anything else, a newer format included (a downgrade keeps the catalog).
     */
    public static Optional<String> outdated(IOException e) {
        if (e instanceof UnfinishedCatalogException) {
            return Optional.of("an unfinished rebuild");
        }
        if (e instanceof org.mailsnap.codec.UnsupportedVersionException v && v.found() < v.min()) {
            return Optional.of("format " + v.found() + ", older than this mailsnap's " + v.min());
        }
        return Optional.empty();
    }

    /**
     * Marks a catalog {@link #recreate}d for a rebuild as whole: the blob index's environment first, the state's
     * last, which {@link #open} checks first. Harmless on a catalog that was whole already.
     */
    public void finishRebuild() throws IOException {
        blobEnvironment.writeFormatVersion(FORMAT_VERSION);
        state.writeFormatVersion(FORMAT_VERSION);
    }

    private static Catalog open(Path directory, String repositoryId, long mapSize, int version) throws IOException {
        Objects.requireNonNull(directory, "directory");
        if (repositoryId == null || repositoryId.isEmpty()) {
            throw new IllegalArgumentException("repository id must not be empty");
        }
        if (mapSize < (1 << 20)) {
            throw new IllegalArgumentException("map size must be at least 1 MiB, got " + mapSize);
        }
        PrivateFiles privateFiles = new PrivateFiles();
        privateFiles.directory(directory);
        Path identity = directory.toRealPath();
        if (!OPEN_IN_THIS_PROCESS.add(identity)) {
            // LMDB's locks are per process: a second handle would release the first one's locks when closed.
            throw new CatalogException("catalog " + directory + " is already open in this process");
        }
        try {
            LmdbEnvironment state = LmdbEnvironment.open(
                    directory.resolve(STATE_DIR), mapSize, version, repositoryId, StateDatabases.NAMES, privateFiles);
            try {
                LmdbEnvironment blobs = LmdbEnvironment.open(
                        directory.resolve(BLOBS_DIR),
                        mapSize,
                        version,
                        repositoryId,
                        BlobDatabases.NAMES,
                        privateFiles);
                return new Catalog(directory, identity, repositoryId, state, blobs, privateFiles.tightened());
            } catch (IOException | RuntimeException e) {
                state.close();
                throw e;
            }
        } catch (IOException | RuntimeException e) {
            OPEN_IN_THIS_PROCESS.remove(identity);
            throw e;
        }
    }

    /**
     * Deletes the catalog in {@code directory} (for {@code catalog rebuild}); nothing happens when it does not
     * exist. Refuses, deleting nothing, when the directory holds anything a catalog does not, so that a mistyped
     * path never loses other files. The catalog must not be open. The {@link #RUN_LOCK_FILE} stays (and with it the
     * directory), because the caller may hold it.
     */
    public static void delete(Path directory) throws IOException {
        if (!Files.exists(directory)) {
            return;
        }
        if (OPEN_IN_THIS_PROCESS.contains(directory.toRealPath())) {
            throw new CatalogException("not deleting catalog " + directory + ": it is open; close it first");
        }
        List<Path> files = new ArrayList<>();
        List<Path> dirs = new ArrayList<>();
        boolean keepRunLock = false;
        for (Path entry : list(directory)) {
            String name = entry.getFileName().toString();
            if (name.equals(RUN_LOCK_FILE) && Files.isRegularFile(entry)) {
                keepRunLock = true;
                continue;
            }
            if (!Files.isDirectory(entry) || !(name.equals(STATE_DIR) || name.equals(BLOBS_DIR))) {
                throw new CatalogException(
                        "not deleting " + directory + ": " + entry + " is not part of a catalog; nothing was deleted");
            }
            for (Path file : list(entry)) {
                String fileName = file.getFileName().toString();
                if (!Files.isRegularFile(file)
                        || !(fileName.equals(LmdbEnvironment.DATA_FILE)
                                || fileName.equals(LmdbEnvironment.LOCK_FILE))) {
                    throw new CatalogException("not deleting " + directory + ": " + file
                            + " is not part of a catalog; nothing was deleted");
                }
                files.add(file);
            }
            dirs.add(entry);
        }
        for (Path file : files) {
            Files.delete(file);
        }
        for (Path dir : dirs) {
            Files.delete(dir);
        }
        if (!keepRunLock) {
            Files.delete(directory);
        }
    }

    public Path directory() {
        return directory;
    }

    public String repositoryId() {
        return repositoryId;
    }

    /**
     * What opening found more open than owner-only and tightened, as one line for the operator; empty when the
     * catalog was private already. The catalog holds Subjects, addresses and Message-IDs in clear.
     */
    public Optional<String> permissionWarning() {
        if (tightened.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of("the local catalog at " + directory + " was readable by other users ("
                + String.join(", ", tightened) + "); made it owner-only (0700 directories, 0600 files)");
    }

    /** The blob index; safe from any thread. */
    public CatalogBlobIndex blobs() {
        return blobs;
    }

    /** A view of the last committed run; close it when done. */
    public CatalogReader read() throws IOException {
        handles.enter();
        try {
            return new CatalogReader(new StateTxn(state.read(), stateDatabases), handles);
        } catch (IOException | RuntimeException e) {
            handles.exit();
            throw e;
        }
    }

    /**
     * Begins the one write transaction of a run. Waits while another thread's writer is open (LMDB has one writer
     * at a time); fails at once if this thread already holds one, which would otherwise deadlock.
     */
    public CatalogWriter beginWrite() throws IOException {
        if (writerThread == Thread.currentThread()) {
            throw new IllegalStateException("thread '" + Thread.currentThread().getName()
                    + "' already holds a catalog writer; commit or abort it first");
        }
        handles.enter();
        try {
            TxnAccess txn = state.write();
            writerThread = Thread.currentThread();
            releaseOften(true);
            return new CatalogWriter(new StateTxn(txn, stateDatabases), handles, () -> {
                writerThread = null;
                releaseOften(false);
            });
        } catch (IOException | RuntimeException e) {
            handles.exit();
            throw e;
        }
    }

    /**
     * After a prune was seen (the blob index found a loaded index file superseded or gone), what the catalog's state
     * names may have been deleted: every store whose last run stopped after a checkpoint gets the mark
     * {@link UnfinishedRun#PRUNED_SINCE}, and every store's state snapshot ({@link CatalogView#stateSnapshot}) is
     * forgotten until its next finished run. Durably, before the blob index forgets the prune was there to see; one
     * write transaction, committed only when there was something to change.
     *
     * @return how many records changed
     */
    public int pruneSeen() throws IOException {
        try (CatalogWriter writer = beginWrite()) {
            int changed = writer.pruneSeen();
            if (changed > 0) {
                writer.commit();
            }
            return changed;
        }
    }

    /**
     * Lets go of the map pages this process touched in both environments now (each environment also does so by
     * itself every {@link LmdbEnvironment#OPERATIONS_PER_RELEASE} operations, more often while a writer is open).
     *
     * @return false when the platform offers no way to (the pages then stay until the catalog closes)
     */
    boolean releaseMappedPages() {
        return inBoth(LmdbEnvironment::releaseMappedPages);
    }

    /**
     * Tells the kernel that this process reads few of the catalog's records, here and there: a page it faults is then
     * read alone, without the device's read-ahead around it, so an hourly run that changed little, on a catalog the
     * page cache has dropped, reads megabytes and not the whole file ({@link MappedPages}). {@link #readAhead} undoes
     * it.
     *
     * @return false when the platform offers no way to (reads then keep the kernel's read-ahead)
     */
    public boolean readPagesOnDemand() {
        return inBoth(LmdbEnvironment::readPagesOnDemand);
    }

    /** Tells the kernel to read ahead around every page this process faults again, as it does by default. */
    public boolean readAhead() {
        return inBoth(LmdbEnvironment::readAhead);
    }

    /**
     * While a run's writer is open both environments give their mapped pages back more often: a run's lookups and
     * puts land all over them ({@link LmdbEnvironment#OPERATIONS_PER_RELEASE_WHILE_WRITING}).
     */
    private void releaseOften(boolean often) {
        state.releaseOften(often);
        blobEnvironment.releaseOften(often);
    }

    /** Applies {@code advice} to both environments (each, whatever the other answers); true when both took it. */
    private boolean inBoth(java.util.function.Predicate<LmdbEnvironment> advice) {
        boolean state = advice.test(this.state);
        return advice.test(blobEnvironment) && state;
    }

    /** How many times the environments gave their mapped pages back, together. */
    long mappedPageReleases() {
        return state.releases() + blobEnvironment.releases();
    }

    /**
     * Closes both environments.
     *
     * @throws IllegalStateException while a reader, writer or blob lookup is still open (the catalog stays open)
     */
    @Override
    public void close() {
        if (!handles.close()) {
            return;
        }
        try {
            blobs.close();
            blobEnvironment.close();
            state.close();
        } finally {
            OPEN_IN_THIS_PROCESS.remove(identity);
        }
    }

    private static List<Path> list(Path dir) throws IOException {
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.toList();
        }
    }
}
