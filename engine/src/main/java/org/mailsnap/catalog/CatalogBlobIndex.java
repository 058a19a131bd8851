package org.mailsnap.catalog;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.lmdbjava.Dbi;
import org.mailsnap.model.BlobId;
import org.mailsnap.model.BlobIndex;
import org.mailsnap.model.BlobLocation;
import org.mailsnap.model.ObjectId;
import org.mailsnap.model.PackId;

/**
 * Blob id → location, cached from the repository's index files, plus the names of the index files already loaded.
 *
 * <p>It lives in its own LMDB environment ({@code blobs/} in the catalog directory), apart from the run state, because
 * LMDB allows one writer per environment: the blob store's threads record each published pack while the backup's
 * {@link CatalogWriter} is open for the whole run, and must not wait for it. Every method is safe from any thread
 * at any time, including the thread holding a {@link CatalogWriter}. Each write method is one short write
 * transaction of its own, durable when it returns; concurrent write calls take turns.
 *
 * <p>{@link #find} borrows a pooled read transaction, so it sees every write committed before it began.
 */
public final class CatalogBlobIndex implements BlobIndex {
    /** See {@link #addAll}: ~8 MB of LMDB's copied pages at most, against ~50 MB for a 1 M checkpoint's ids. */
    static final int ENTRIES_PER_TRANSACTION = 2_000;

    private final LmdbEnvironment environment;
    private final Dbi<ByteBuffer> blobs;
    private final Dbi<ByteBuffer> indexFiles;
    private final Dbi<ByteBuffer> damaged;
    private final ReadTxnPool readers;
    private final Handles handles;

    CatalogBlobIndex(LmdbEnvironment environment, Handles handles) {
        this.environment = environment;
        this.blobs = environment.dbi(BlobDatabases.BLOBS);
        this.indexFiles = environment.dbi(BlobDatabases.INDEX_FILES);
        this.damaged = environment.dbi(BlobDatabases.DAMAGED);
        this.readers = new ReadTxnPool(environment);
        this.handles = handles;
    }

    @Override
    public Optional<BlobLocation> find(BlobId id) throws IOException {
        byte[] key = id.toBytes();
        try {
            return readOnly(txn -> {
                byte[] value = txn.get(blobs, key);
                return value == null
                        ? Optional.<BlobLocation>empty()
                        : Optional.of(BlobLocationCodec.decode(value, key));
            });
        } catch (CatalogCorruptException e) {
            throw e.in(catalogDirectory());
        }
    }

    @Override
    public IOException lacks(BlobId id, ObjectId indexFile) {
        return new CatalogCorruptException(catalogDirectory(), BlobIndex.lackDetail(id, indexFile));
    }

    private java.nio.file.Path catalogDirectory() {
        return environment.directory().getParent();
    }

    /**
     * Records locations (replacing any earlier location of the same id), in key order, in write transactions of at
     * most {@link #ENTRIES_PER_TRANSACTION} entries. Why: the ids are hashes, so in a large index each one lands on a
     * leaf page of its own, and LMDB copies every page a transaction changes into memory it allocates and keeps for
     * reuse until the catalog closes: a checkpoint's ~13,000 ids in one transaction held ~50 MB at a million
     * messages, a catalog rebuild's index file of 50,000 four times that. In key order a transaction's ids share
     * their branch pages. A failure between two transactions leaves some of the entries recorded, which is safe:
     * callers record only published packs, and mark an index file loaded only after this returned.
     */
    @Override
    public void addAll(Iterable<Map.Entry<BlobId, BlobLocation>> entries) throws IOException {
        List<Map.Entry<BlobId, BlobLocation>> sorted = new ArrayList<>();
        entries.forEach(sorted::add);
        sorted.sort(Map.Entry.comparingByKey());
        for (int from = 0; from < sorted.size(); from += ENTRIES_PER_TRANSACTION) {
            List<Map.Entry<BlobId, BlobLocation>> slice =
                    sorted.subList(from, Math.min(sorted.size(), from + ENTRIES_PER_TRANSACTION));
            write(txn -> putAll(txn, slice));
        }
    }

    public void markIndexLoaded(ObjectId name) throws IOException {
        byte[] key = LmdbKeys.indexFile(name.hex());
        write(txn -> txn.put(indexFiles, key, new byte[0]));
    }

    /**
     * The names of the repository index files whose entries are in this index, sorted, as the catalog holds them:
     * text, which a damaged or foreign catalog may hold something other than an index file id in (then the cache
     * cannot be trusted; see {@code CatalogSync}).
     */
    public Set<String> loadedIndexFiles() throws IOException {
        return readOnly(txn -> {
            Set<String> names = new TreeSet<>();
            try (PrefixScan scan = txn.scan(indexFiles, new byte[0])) {
                while (scan.next()) {
                    names.add(LmdbKeys.utf8String(scan.key(), 0, "index file"));
                }
            }
            return Collections.unmodifiableSet(names);
        });
    }

    /**
     * Records blob locations known to be bad and drops them from the index, so that {@link #find} reports those
     * blobs absent and the next backup stores them again instead of deduplicating against lost data. A bad
     * location is remembered: loading an index file that still lists it does not bring it back, while a new
     * location (the blob stored again, in another pack) is taken as usual.
     *
     * @return how many locations were dropped from the index
     */
    public long markDamaged(Iterable<DamagedBlob> bad) throws IOException {
        return written(txn -> {
            long dropped = 0;
            for (DamagedBlob blob : bad) {
                txn.put(
                        damaged,
                        LmdbKeys.damaged(blob.id(), blob.pack()),
                        blob.reason().getBytes(java.nio.charset.StandardCharsets.UTF_8));
                byte[] key = blob.id().toBytes();
                byte[] value = txn.get(blobs, key);
                if (value != null
                        && (blob.pack() == null
                                || BlobLocationCodec.decode(value, key).pack().equals(blob.pack()))) {
                    txn.delete(blobs, key);
                    dropped++;
                }
            }
            return dropped;
        });
    }

    /**
     * Marks bad every location in a pack that is not in {@code present} (the packs listed under {@code data/}),
     * in one pass over the index: what a rebuilt catalog learns without a check, since its marks went with the old
     * catalog. Returns the locations marked.
     */
    public List<DamagedBlob> markPacksMissing(Set<PackId> present) throws IOException {
        List<DamagedBlob> marked = new ArrayList<>();
        write(txn -> {
            try (PrefixScan scan = txn.scan(blobs, new byte[0])) {
                while (scan.next()) {
                    BlobLocation location = BlobLocationCodec.decode(scan.value(), scan.key());
                    if (!present.contains(location.pack())) {
                        BlobId id = BlobId.of(scan.key());
                        DamagedBlob bad = new DamagedBlob(id, location.pack(), "pack " + location.pack() + " missing");
                        scan.deleteCurrent();
                        txn.put(
                                damaged,
                                LmdbKeys.damaged(id, location.pack()),
                                bad.reason().getBytes(java.nio.charset.StandardCharsets.UTF_8));
                        marked.add(bad);
                    }
                }
            }
        });
        return marked;
    }

    /** Every bad location recorded (few: what check or restores found), for check to look at again. */
    public List<DamagedBlob> damagedLocations() throws IOException {
        return readOnly(txn -> {
            List<DamagedBlob> result = new ArrayList<>();
            try (PrefixScan scan = txn.scan(damaged, new byte[0])) {
                while (scan.next()) {
                    byte[] key = scan.key();
                    BlobId id = BlobId.of(java.util.Arrays.copyOf(key, BlobId.LENGTH));
                    PackId pack = LmdbKeys.damagedPack(key);
                    result.add(new DamagedBlob(
                            id, pack, new String(scan.value(), java.nio.charset.StandardCharsets.UTF_8)));
                }
            }
            return result;
        });
    }

    /**
     * Takes back the marks of locations found intact after all (check read them whole and verified them: the
     * failure that marked them was transient, or the pack came back): the location's own mark and any mark "wherever
     * the catalog had it" are deleted, and the location is recorded again unless the blob has another, so backups
     * deduplicate against it once more. Marks of the blob's other locations stay.
     *
     * @return how many marks were deleted
     */
    public long clearDamaged(Iterable<Map.Entry<BlobId, BlobLocation>> intact) throws IOException {
        return written(txn -> {
            long cleared = 0;
            for (Map.Entry<BlobId, BlobLocation> e : intact) {
                for (byte[] mark : List.of(
                        LmdbKeys.damaged(e.getKey(), e.getValue().pack()), LmdbKeys.damaged(e.getKey(), null))) {
                    if (txn.delete(damaged, mark)) {
                        cleared++;
                    }
                }
                byte[] key = e.getKey().toBytes();
                if (txn.get(blobs, key) == null) {
                    txn.put(blobs, key, BlobLocationCodec.encode(e.getValue()));
                }
            }
            return cleared;
        });
    }

    @Override
    public Optional<String> damageOf(BlobId id) throws IOException {
        return readOnly(txn -> {
            try (PrefixScan scan = txn.scan(damaged, id.toBytes())) {
                return scan.next()
                        ? Optional.of(new String(scan.value(), java.nio.charset.StandardCharsets.UTF_8))
                        : Optional.<String>empty();
            }
        });
    }

    /**
     * Forgets every blob location and every loaded index file, in one write transaction: after a prune the cached
     * locations may name deleted packs or deleted blobs, and a backup must never deduplicate against those. The
     * damage marks stay.
     */
    public void clear() throws IOException {
        write(txn -> {
            txn.deleteAll(blobs, new byte[0]);
            txn.deleteAll(indexFiles, new byte[0]);
        });
    }

    /** How many blobs the index holds. */
    public long size() throws IOException {
        return readOnly(txn -> txn.entries(blobs));
    }

    /** Closes the pooled read transactions; the catalog calls it when nothing is in flight. */
    void close() {
        readers.close();
    }

    private void putAll(TxnAccess txn, Iterable<Map.Entry<BlobId, BlobLocation>> entries) throws IOException {
        boolean anyDamaged = txn.entries(damaged) > 0;
        for (Map.Entry<BlobId, BlobLocation> e : entries) {
            if (anyDamaged
                    && txn.get(
                                    damaged,
                                    LmdbKeys.damaged(e.getKey(), e.getValue().pack()))
                            != null) {
                continue; // known bad: an index file still lists it, but nothing may deduplicate against it
            }
            txn.put(blobs, e.getKey().toBytes(), BlobLocationCodec.encode(e.getValue()));
        }
    }

    private interface TxnWork {
        void run(TxnAccess txn) throws IOException;
    }

    /** A transaction's work that answers something: a count, a lookup. */
    private interface TxnQuery<T> {
        T run(TxnAccess txn) throws IOException;
    }

    private void write(TxnWork work) throws IOException {
        written(txn -> {
            work.run(txn);
            return null;
        });
    }

    /** Runs {@code work} in one write transaction, committed when it returns, and gives back its answer. */
    private <T> T written(TxnQuery<T> work) throws IOException {
        handles.enter();
        try (TxnAccess txn = environment.write()) {
            T answer = work.run(txn);
            txn.commit();
            return answer;
        } finally {
            handles.exit();
        }
    }

    /** Runs {@code work} in a pooled read transaction and gives back its answer. */
    private <T> T readOnly(TxnQuery<T> work) throws IOException {
        handles.enter();
        try {
            TxnAccess txn = readers.acquire();
            try {
                return work.run(txn);
            } finally {
                readers.release(txn);
            }
        } finally {
            handles.exit();
        }
    }
}
