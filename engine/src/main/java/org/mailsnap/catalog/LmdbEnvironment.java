package org.mailsnap.catalog;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.lmdbjava.Dbi;
import org.lmdbjava.DbiFlags;
import org.lmdbjava.Env;
import org.lmdbjava.EnvFlags;
import org.lmdbjava.LmdbException;
import org.mailsnap.codec.UnsupportedVersionException;

/**
 * One LMDB environment (a directory holding {@code data.mdb} and {@code lock.mdb}) with its named databases. Opening
 * checks the {@code meta} database first, before any other database is created: a new environment gets the format
 * version and repository id; an existing one must carry the supported version and the same repository id.
 *
 * <p>{@code MDB_NOTLS} ties read transactions to transaction objects instead of threads, so a read transaction may
 * be used by a thread other than the one that began it (one thread at a time), and idle ones can be pooled.
 */
final class LmdbEnvironment implements AutoCloseable {
    static final String DATA_FILE = "data.mdb";
    static final String LOCK_FILE = "lock.mdb";
    static final String META = "meta";

    private static final byte[] FORMAT_KEY = "format".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] REPOSITORY_KEY = "repository".getBytes(StandardCharsets.US_ASCII);
    private static final int MAX_READERS = 1024;

    /**
     * The format version of an environment a rebuild has begun and not finished ({@link Catalog#recreate}); every
     * mailsnap refuses it, a version without this constant as an older format.
     */
    static final int UNFINISHED = 0;

    /**
     * Operations between two releases of the mapped pages. The catalog's keys are mostly hashes, so its operations
     * land on pages all over the file, and a page fault maps not one page but the whole page-cache folio holding it
     * (Linux 6.18; LMDB's own commits write runs of up to 64 pages, which leave folios of up to 256 KiB), so one
     * mailbox of a large store touches a large part of the map (the figures: benchmarks/results/design-measurements.md
     * and 2026-12-08-release-interval). Releasing after a fixed number of operations bounds that by the work,
     * whatever the catalog's size and however fast the run; a release is one {@code madvise}, and then the tree's
     * upper pages fault in again once.
     */
    static final int OPERATIONS_PER_RELEASE = 512;

    /**
     * Operations between two releases while a run's writer is open ({@link #releaseOften}). A backup's lookups and
     * puts each mapped ~400 KiB of a million-message blob index, so 512 of them let the map grow by ~80 MB: 64 took
     * a 1 M first backup's peak from ~287 to ~189 MB and an hour's from ~243 to ~187 MB, in no more time. Reads
     * alone keep the longer interval: a whole-store restore, whose threads look blobs up side by side, spent ~0.7 s
     * more in the kernel at 64 (each release stops them all to flush their address translations).
     */
    static final int OPERATIONS_PER_RELEASE_WHILE_WRITING = 64;

    private final Path directory;
    private final Env<ByteBuffer> env;
    private final Map<String, Dbi<ByteBuffer>> dbis;
    /** How a checksum failure names each database ("state/placements"), made once, not per record read. */
    private final Map<Dbi<ByteBuffer>, String> recordSources = new ConcurrentHashMap<>();
    /** Where a checksum failure says the damaged catalog is: the directory above this environment's. */
    private final Path catalogDirectory;
    /** Where the data file is mapped, found on the first release. */
    private MappedPages mappedPages;

    private final AtomicLong operations = new AtomicLong();
    private volatile int operationsPerRelease = OPERATIONS_PER_RELEASE;
    private long releases;

    private LmdbEnvironment(Path directory, Env<ByteBuffer> env, Map<String, Dbi<ByteBuffer>> dbis) {
        this.directory = directory;
        this.env = env;
        this.dbis = dbis;
        this.catalogDirectory = directory.getParent();
    }

    /**
     * Opens (creating if absent) the environment in {@code directory}.
     *
     * @param mapSize      the map size; raised to twice the data file's size when the file has grown past half of it
     * @param privateFiles makes the directory and LMDB's files owner-only, and remembers what was more open
     * @throws CatalogCorruptException when the data file is shorter than its meta page says (see {@link LmdbDataFile})
     */
    static LmdbEnvironment open(
            Path directory,
            long mapSize,
            int formatVersion,
            String repositoryId,
            List<String> databases,
            PrivateFiles privateFiles)
            throws IOException {
        privateFiles.directory(directory);
        // Before LMDB maps the file: a page past the end of a truncated file would crash the JVM (SIGBUS).
        LmdbDataFile.check(directory.getParent(), directory.resolve(DATA_FILE));
        long effectiveMapSize = effectiveMapSize(directory, mapSize);
        Env<ByteBuffer> env;
        try {
            env = Env.create()
                    .setMapSize(effectiveMapSize)
                    .setMaxDbs(databases.size() + 1)
                    .setMaxReaders(MAX_READERS)
                    .open(directory.toFile(), PrivateFiles.FILE_MODE, EnvFlags.MDB_NOTLS);
        } catch (LmdbException e) {
            throw LmdbErrors.translate(e, directory, "open");
        }
        // LMDB created the files with FILE_MODE minus the umask; an older catalog may have more open ones
        try {
            privateFiles.file(directory.resolve(DATA_FILE));
            privateFiles.file(directory.resolve(LOCK_FILE));
        } catch (IOException | RuntimeException e) {
            env.close();
            throw e;
        }
        try {
            Map<String, Dbi<ByteBuffer>> dbis = new LinkedHashMap<>();
            dbis.put(META, env.openDbi(META, DbiFlags.MDB_CREATE));
            LmdbEnvironment opened = new LmdbEnvironment(directory, env, dbis);
            opened.checkMeta(formatVersion, repositoryId);
            for (String name : databases) {
                dbis.put(name, env.openDbi(name, DbiFlags.MDB_CREATE));
            }
            return opened;
        } catch (LmdbException e) {
            env.close();
            throw LmdbErrors.translate(e, directory, "open databases");
        } catch (IOException | RuntimeException e) {
            env.close();
            throw e;
        }
    }

    Path directory() {
        return directory;
    }

    /** The catalog's directory (this environment's parent), as its damage is reported. */
    Path catalogDirectory() {
        return catalogDirectory;
    }

    /** How a damaged record of {@code dbi} is named: this environment's directory name and the database's. */
    String recordSource(Dbi<ByteBuffer> dbi) {
        String source = recordSources.get(dbi); // a Dbi is equal only to itself
        if (source == null) {
            source = directory.getFileName() + "/" + RecordChecksum.name(dbi.getName());
            recordSources.put(dbi, source);
        }
        return source;
    }

    /**
     * Counts one read, write or scan step; every {@code operationsPerRelease}th (see {@link #releaseOften}) gives the
     * map's resident pages back. Called by transactions of this environment only, so never after it closed.
     */
    void operated() {
        if (operations.incrementAndGet() % operationsPerRelease == 0) {
            releaseMappedPages();
        }
    }

    /**
     * Releases every {@link #OPERATIONS_PER_RELEASE_WHILE_WRITING} operations from now on ({@code true}), or every
     * {@link #OPERATIONS_PER_RELEASE} again.
     */
    void releaseOften(boolean often) {
        operationsPerRelease = often ? OPERATIONS_PER_RELEASE_WHILE_WRITING : OPERATIONS_PER_RELEASE;
    }

    /** Drops this process's resident pages of the map (see {@link MappedPages}); the data is untouched. */
    synchronized boolean releaseMappedPages() {
        boolean released = mappedPages().release();
        releases += released ? 1 : 0;
        return released;
    }

    /** From now on a page fault of this process reads only that page of the file (see {@link MappedPages}). */
    synchronized boolean readPagesOnDemand() {
        return mappedPages().readOnDemand();
    }

    /** From now on a page fault reads ahead as the kernel does by default (see {@link MappedPages}). */
    synchronized boolean readAhead() {
        return mappedPages().readAhead();
    }

    private MappedPages mappedPages() {
        if (mappedPages == null) {
            mappedPages = MappedPages.of(directory.resolve(DATA_FILE));
        }
        return mappedPages;
    }

    synchronized long releases() {
        return releases;
    }

    Dbi<ByteBuffer> dbi(String name) {
        Dbi<ByteBuffer> dbi = dbis.get(name);
        if (dbi == null) {
            throw new IllegalArgumentException("no database '" + name + "' in " + directory);
        }
        return dbi;
    }

    TxnAccess read() throws IOException {
        try {
            return new TxnAccess(this, env.txnRead());
        } catch (LmdbException e) {
            throw LmdbErrors.translate(e, directory, "begin read transaction");
        }
    }

    /** Blocks while another write transaction of this environment is open (LMDB has one writer at a time). */
    TxnAccess write() throws IOException {
        try {
            return new TxnAccess(this, env.txnWrite());
        } catch (LmdbException e) {
            throw LmdbErrors.translate(e, directory, "begin write transaction");
        }
    }

    /** Records {@code formatVersion} as the environment's format, in its own transaction. */
    void writeFormatVersion(int formatVersion) throws IOException {
        try (TxnAccess txn = write()) {
            txn.putUnsealed(dbis.get(META), FORMAT_KEY, LmdbKeys.id(formatVersion));
            txn.commit();
        }
    }

    @Override
    public void close() {
        env.close();
    }

    private void checkMeta(int formatVersion, String repositoryId) throws IOException {
        Dbi<ByteBuffer> meta = dbis.get(META);
        boolean otherDatabases = env.getDbiNames().size() > 1; // before the write: it begins its own transaction
        try (TxnAccess txn = write()) {
            byte[] format = txn.getUnsealed(meta, FORMAT_KEY); // readable by every version: no checksum
            if (format == null) {
                if (txn.entries(meta) != 0 || otherDatabases) {
                    throw damaged("it holds data but no format version");
                }
                txn.putUnsealed(meta, FORMAT_KEY, LmdbKeys.id(formatVersion));
                txn.put(meta, REPOSITORY_KEY, repositoryId.getBytes(StandardCharsets.UTF_8));
                txn.commit();
                return;
            }
            if (format.length != 4) {
                throw damaged("the format version is " + format.length + " bytes, expected 4");
            }
            int found = LmdbKeys.readId(format, 0);
            if (found == UNFINISHED && formatVersion != UNFINISHED) {
                throw new UnfinishedCatalogException(directory.getParent());
            }
            if (found != formatVersion) {
                throw new UnsupportedVersionException(
                        "catalog " + directory,
                        "catalog format",
                        found,
                        formatVersion,
                        formatVersion,
                        "run 'catalog rebuild' to recreate it from the repository");
            }
            byte[] repository = txn.get(meta, REPOSITORY_KEY);
            if (repository == null) {
                throw damaged("it has no repository id");
            }
            String foundRepository = new String(repository, StandardCharsets.UTF_8);
            if (!foundRepository.equals(repositoryId)) {
                throw new CatalogMismatchException(directory, foundRepository, repositoryId);
            }
        }
    }

    private CatalogCorruptException damaged(String what) {
        return new CatalogCorruptException(directory.getParent(), directory.getFileName() + "/: " + what);
    }

    private static long effectiveMapSize(Path directory, long requested) throws IOException {
        Path data = directory.resolve(DATA_FILE);
        long used = Files.exists(data) ? Files.size(data) : 0;
        long wanted = Math.max(requested, used > requested / 2 ? used * 2 : 0);
        return (wanted + 0xFFFF) & ~0xFFFFL; // page-aligned
    }
}
