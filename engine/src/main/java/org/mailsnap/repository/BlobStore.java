package org.mailsnap.repository;

import java.io.IOException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.stream.IntStream;
import javax.crypto.SecretKey;
import org.mailsnap.compress.Compression;
import org.mailsnap.crypto.BlobIdHasher;
import org.mailsnap.crypto.SubKeys;
import org.mailsnap.model.BlobId;
import org.mailsnap.model.BlobIndex;
import org.mailsnap.model.BlobLocation;
import org.mailsnap.model.BlobReceiver;
import org.mailsnap.model.BlobType;
import org.mailsnap.model.ObjectId;
import org.mailsnap.model.PackId;
import org.mailsnap.storage.Storage;

/**
 * Stores and fetches blobs by id: hash, deduplicate, compress, encrypt, pack, publish, index. Thread-safe: several
 * workers may {@link #put} at once; compression runs in the calling thread outside any lock, encryption and
 * appending under the lock of the open pack of that type.
 *
 * <p>Order of publication (format-spec/operations.md): a full pack is read back and published; its blobs are then
 * added to the {@link BlobIndex}; an index file listing published packs is written when the pending entries exceed a
 * bound and at every {@link #flush()}. After any storage failure the store refuses further work, so that a caller
 * cannot go on to write a snapshot that references lost blobs.
 *
 * <p>Locks, each named on the fields it guards ("guarded by"); a method whose name ends in {@code Locked} is
 * called with that lock held. Taken in this order only:
 * <ol>
 *   <li>{@code flushLock}: puts hold it shared, flush exclusively, so a flush sees every put that returned before
 *       it and no put runs during one. It orders operations and guards no field.</li>
 *   <li>each {@link OpenPack}'s monitor: that type's pack being filled.</li>
 *   <li>{@code indexLock}: the published packs no index file lists yet.</li>
 * </ol>
 * Everything else is safe without a lock: concurrent collections, atomics and counters.
 */
public final class BlobStore implements java.io.Closeable {
    private final Storage storage;
    private final SubKeys keys;
    private final BlobIdHasher hasher;
    private final BlobIndex index;
    private final IndexSync indexFiles;
    private final PackKeyCache packKeys;
    private final Random random;
    private final int compressionLevel;
    private final int packTargetSize;
    private final int indexFlushEntries;

    /** Ids claimed by this store and not yet in the blob index. Concurrent. */
    private final Map<BlobId, Boolean> pending = new ConcurrentHashMap<>();
    /** Shared by puts, exclusive for flush (see the class doc). */
    private final ReentrantReadWriteLock flushLock = new ReentrantReadWriteLock();

    /** One per type, filled at construction and never changed; each guards its own writer. */
    private final Map<BlobType, OpenPack> openPacks = new EnumMap<>(BlobType.class);

    private final Object indexLock = new Object();
    /** Guarded by {@code indexLock}. */
    private final List<IndexFile.PackRecord> unindexed = new ArrayList<>();
    /** Guarded by {@code indexLock}. */
    private int unindexedEntries;
    /** Concurrent. */
    private final Set<ObjectId> writtenIndexIds = ConcurrentHashMap.newKeySet();
    /** The first failure; once set, the store refuses work. */
    private final AtomicReference<IOException> failure = new AtomicReference<>();
    /** See {@link #missing}. */
    private static final int MISS_DIAGNOSES = 3;

    private final AtomicInteger missDiagnoses = new AtomicInteger();
    private volatile boolean cacheFoundDamaged;

    private final LongAdder blobsNew = new LongAdder();
    private final LongAdder dataBlobsNew = new LongAdder();
    private final LongAdder blobsDeduplicated = new LongAdder();
    private final LongAdder bytesRaw = new LongAdder();
    private final LongAdder bytesCompressed = new LongAdder();
    private final LongAdder bytesStored = new LongAdder();
    private final LongAdder packsWritten = new LongAdder();

    BlobStore(Storage storage, SubKeys keys, BlobIndex index, IndexSync indexFiles, RepositoryOptions options) {
        this.storage = storage;
        this.keys = keys;
        this.hasher = keys.idHasher();
        this.index = index;
        this.indexFiles = indexFiles;
        this.packKeys = new PackKeyCache(storage, keys);
        this.random = options.random();
        this.compressionLevel = options.compressionLevel();
        this.packTargetSize = options.packTargetSize();
        this.indexFlushEntries = options.indexFlushEntries();
        for (BlobType type : BlobType.values()) {
            openPacks.put(type, new OpenPack(type));
        }
    }

    /**
     * Stores {@code plaintext} unless the blob index or this store already has it; returns its id. The blob is in
     * the repository once a later {@link #flush()} returns.
     */
    public BlobId put(BlobType type, byte[] plaintext) throws IOException {
        return put(type, plaintext, 0, plaintext.length);
    }

    /**
     * Stores {@code data[offset, offset + length)} as {@link #put(BlobType, byte[])} stores a whole array. The range
     * is hashed, compressed and encrypted where it lies, and the array is not referred to after this returns.
     */
    public BlobId put(BlobType type, byte[] data, int offset, int length) throws IOException {
        Objects.requireNonNull(type, "type");
        Objects.checkFromIndexSize(offset, length, data.length);
        if (length > PackEntry.MAX_BLOB) {
            throw new IllegalArgumentException(
                    "blob of " + length + " bytes exceeds the limit of " + PackEntry.MAX_BLOB);
        }
        BlobId id = hasher.hash(data, offset, length);
        flushLock.readLock().lock();
        try {
            throwIfFailed();
            if (pending.putIfAbsent(id, Boolean.TRUE) != null) {
                blobsDeduplicated.increment();
                return id;
            }
            if (index.contains(id)) {
                pending.remove(id);
                blobsDeduplicated.increment();
                return id;
            }
            store(type, id, data, offset, length);
            return id;
        } catch (IOException | RuntimeException e) {
            recordFailure(e);
            throw e;
        } finally {
            flushLock.readLock().unlock();
        }
    }

    /** The plaintext of blob {@code id}, decrypted, decompressed and checked against its id. */
    public byte[] get(BlobId id) throws IOException {
        return get(id, this::readDirectly);
    }

    private byte[] readDirectly(PackId pack, long offset, int length) throws IOException {
        return storage.getRange(PackFormat.objectName(pack), offset, length);
    }

    /** Reads the range into {@code into}, where the storage can (a disk), instead of into an array of its own. */
    private int readDirectlyInto(PackId pack, long offset, int length, byte[] into) throws IOException {
        storage.readRange(PackFormat.objectName(pack), offset, length, into);
        return length;
    }

    /**
     * A reader of blobs for a caller that asks for them about in the order they were stored, which gives each blob as
     * {@link #get} does: a restore or a dump (messages in the order a backup stored them), a walk of snapshots' trees
     * and manifests (ls, diff, stats, prune's marking, a catalog rebuild). Where the storage reads ahead
     * ({@link Storage#readAheadBytes()}: S3), it reads through the packs' segments ({@link PackSegments}), one request
     * for the blobs that lie next to each other. On a disk it reads blob by blob: the page cache reads ahead, and
     * megabyte segments kept on the heap fill the old generation, which cost a restore more than the system calls they
     * save (benchmarks/results/2026-12-07-restore-reads).
     */
    public SequentialReader inStoredOrder() {
        int readAhead = storage.readAheadBytes();
        if (readAhead > 0) {
            PackSegments segments = new PackSegments(storage, readAhead);
            return new SequentialReader(segments::read, PackRanges.copying(segments::read));
        }
        return new SequentialReader(this::readDirectly, this::readDirectlyInto);
    }

    /** Blobs as {@link BlobStore#get} gives them, read as {@link #inStoredOrder()} says. Thread-safe. */
    public final class SequentialReader {
        private final PackRanges ranges;
        private final PackRangesInto rangesInto;

        private SequentialReader(PackRanges ranges, PackRangesInto rangesInto) {
            this.ranges = ranges;
            this.rangesInto = rangesInto;
        }

        public byte[] get(BlobId id) throws IOException {
            return BlobStore.this.get(id, ranges);
        }

        /**
         * Hands blob {@code id}'s plaintext to {@code receiver}, lent from this thread's buffers (see
         * {@link BlobReceiver}), with every check {@link #get} makes; returns its length.
         */
        public int read(BlobId id, BlobReceiver receiver) throws IOException {
            return BlobStore.this.read(id, rangesInto, receiver);
        }
    }

    /** How {@link #get} reads a blob's ciphertext. */
    @FunctionalInterface
    private interface PackRanges {
        byte[] read(PackId pack, long offset, int length) throws IOException;

        /** Reads what {@code ranges} reads, copied into the caller's array (as much of it as fits). */
        static PackRangesInto copying(PackRanges ranges) {
            return (pack, offset, length, into) -> {
                byte[] read = ranges.read(pack, offset, length);
                System.arraycopy(read, 0, into, 0, Math.min(read.length, length));
                return read.length;
            };
        }
    }

    /**
     * How a lending read reads a blob's ciphertext: into {@code into[0, length)}, which it lends. Returns the bytes
     * the storage gave, which the pack reader checks as it checks the length of {@link PackRanges}'s array.
     */
    @FunctionalInterface
    private interface PackRangesInto {
        int read(PackId pack, long offset, int length, byte[] into) throws IOException;
    }

    private byte[] get(BlobId id, PackRanges ranges) throws IOException {
        BlobLocation location = locate(id);
        SecretKey key = packKeys.keyOf(location.pack());
        byte[] ciphertext = ranges.read(location.pack(), location.offset(), location.length());
        return PackReader.openBlob(
                key, hasher, location.pack(), PackEntry.of(id, location), location.indexInPack(), ciphertext);
    }

    private int read(BlobId id, PackRangesInto ranges, BlobReceiver receiver) throws IOException {
        BlobLocation location = locate(id);
        SecretKey key = packKeys.keyOf(location.pack());
        byte[] ciphertext = LentBuffers.ofThread().ciphertext(location.length());
        int read = ranges.read(location.pack(), location.offset(), location.length(), ciphertext);
        return PackReader.lendBlob(
                key,
                hasher,
                location.pack(),
                PackEntry.of(id, location),
                location.indexInPack(),
                ciphertext,
                read,
                receiver);
    }

    /** Where the blob index says blob {@code id} lies, once the entry is found plausible. */
    private BlobLocation locate(BlobId id) throws IOException {
        BlobLocation location = index.find(id).orElse(null);
        if (location == null) {
            throw missing(id);
        }
        String problem =
                PackEntry.lengthProblem(PackEntry.isCompressed(location), location.length(), location.rawLength());
        if (problem != null || location.length() > PackEntry.MAX_BLOB + 16 || location.indexInPack() < 0) {
            throw new CorruptObjectException(
                    Hex.describe("index entry of blob", id.toHex()),
                    problem != null ? problem : "out of range: " + location);
        }
        return location;
    }

    /**
     * Why {@code id} is not in the blob index. The index is a local cache of the repository's index files, so a miss
     * is the repository's damage only when no index file lists the blob either; when one does, the local cache is
     * damaged and the index says how to rebuild it. Telling the two apart reads every index file, so it is done for
     * the first {@link #MISS_DIAGNOSES} misses only; once the cache has been found damaged, later misses blame it.
     */
    private IOException missing(BlobId id) throws IOException {
        if (pending.containsKey(id)) {
            return new BlobNotFoundException(id, "stored by this run but not yet flushed");
        }
        String damage = index.damageOf(id).orElse(null);
        if (damage != null) {
            return new BlobNotFoundException(id, "known damaged: " + damage);
        }
        if (cacheFoundDamaged) {
            return index.lacks(id, null);
        }
        if (missDiagnoses.getAndIncrement() < MISS_DIAGNOSES) {
            ObjectId listing = indexFiles.listing(id).orElse(null);
            if (listing != null) {
                cacheFoundDamaged = true;
                return index.lacks(id, listing);
            }
        }
        return new BlobNotFoundException(id, "not in the index");
    }

    /** True when the blob index lists the blob or this store holds it for the next flush. */
    public boolean contains(BlobId id) throws IOException {
        return pending.containsKey(id) || index.contains(id);
    }

    /**
     * Publishes the open packs and an index file listing every pack not yet indexed. Afterwards every blob whose put
     * returned before this call is findable through the blob index and listed by a published index file.
     */
    public void flush() throws IOException {
        flushLock.writeLock().lock();
        try {
            throwIfFailed();
            for (OpenPack open : openPacks.values()) {
                PackWriter writer = open.take();
                if (writer != null) {
                    publish(writer);
                }
            }
            List<IndexFile.PackRecord> records;
            synchronized (indexLock) {
                records = takeUnindexedLocked(0);
            }
            if (!records.isEmpty()) {
                writeIndex(records);
            }
        } catch (IOException | RuntimeException e) {
            recordFailure(e);
            throw e;
        } finally {
            flushLock.writeLock().unlock();
        }
    }

    /**
     * Discards the packs being filled: what a run that stops without {@link #flush()} (a failure) leaves. Their
     * blobs were never published, so nothing references them. Calling it again does nothing.
     */
    @Override
    public void close() throws IOException {
        IOException failed = null;
        for (OpenPack open : openPacks.values()) {
            PackWriter writer = open.take();
            if (writer != null) {
                try {
                    writer.close();
                } catch (IOException e) {
                    failed = failed == null ? e : failed;
                }
            }
        }
        if (failed != null) {
            throw failed;
        }
    }

    public BlobStoreStats stats() {
        return new BlobStoreStats(
                blobsNew.sum(),
                blobsDeduplicated.sum(),
                bytesRaw.sum(),
                bytesCompressed.sum(),
                bytesStored.sum(),
                packsWritten.sum(),
                writtenIndexIds.size(),
                dataBlobsNew.sum());
    }

    /** Ids of the index files this store published (a catalog marks them as known). */
    public Set<ObjectId> writtenIndexIds() {
        return Set.copyOf(writtenIndexIds);
    }

    /**
     * Compresses and appends one blob. A compressed frame is encrypted into the pack straight from this thread's zstd
     * buffer ({@link Compression.Frame}): the pack's lock is taken, and released, before this thread compresses again.
     */
    private void store(BlobType type, BlobId id, byte[] data, int offset, int length) throws IOException {
        Compression.Frame frame = Compression.frameIfSmaller(data, offset, length, compressionLevel);
        OpenPack pack = openPacks.get(type);
        PackWriter full = frame != null
                ? pack.add(id, frame.buffer(), 0, frame.length(), true, length)
                : pack.add(id, data, offset, length, false, length);
        blobsNew.increment();
        if (type == BlobType.DATA) {
            dataBlobsNew.increment();
        }
        bytesRaw.add(length);
        bytesCompressed.add(frame != null ? frame.length() : length);
        if (full != null) {
            publish(full);
        }
    }

    /** Finishes and publishes {@code writer}'s pack, or discards it if it is empty or anything fails. */
    private void publish(PackWriter writer) throws IOException {
        FinishedPack pack;
        try (writer) {
            if (writer.count() == 0) {
                return;
            }
            pack = writer.finish();
            pack.publish();
        }
        packsWritten.increment();
        bytesStored.add(pack.length());
        List<Integer> positions =
                IntStream.range(0, pack.entries().size()).boxed().toList();
        IndexFile.PackRecord record = new IndexFile.PackRecord(pack.id(), positions, pack.entries());
        index.addAll(record.locations());
        pack.entries().forEach(entry -> pending.remove(entry.id()));
        List<IndexFile.PackRecord> due;
        synchronized (indexLock) {
            unindexed.add(record);
            unindexedEntries += record.entries().size();
            due = takeUnindexedLocked(indexFlushEntries);
        }
        if (!due.isEmpty()) {
            writeIndex(due);
        }
    }

    /** Takes the unindexed pack records when they hold at least {@code threshold} entries. */
    private List<IndexFile.PackRecord> takeUnindexedLocked(int threshold) {
        if (unindexed.isEmpty() || unindexedEntries < threshold) {
            return List.of();
        }
        List<IndexFile.PackRecord> taken = new ArrayList<>(unindexed);
        unindexed.clear();
        unindexedEntries = 0;
        return taken;
    }

    private void writeIndex(List<IndexFile.PackRecord> records) throws IOException {
        writtenIndexIds.add(indexFiles.write(List.of(), records));
    }

    private void recordFailure(Exception e) {
        if (!(e instanceof IllegalArgumentException)) {
            failure.compareAndSet(null, e instanceof IOException io ? io : new IOException(e));
        }
    }

    private void throwIfFailed() throws RepositoryException {
        IOException first = failure.get();
        if (first != null) {
            throw new RepositoryException(
                    "blob store stopped after an earlier failure (" + first.getMessage()
                            + "); blobs since its last flush may be lost, so nothing more is stored",
                    first);
        }
    }

    /** The pack of one blob type being filled; encryption and appending happen under its monitor. */
    private final class OpenPack {
        private final BlobType type;
        /** Guarded by this; null until the first blob after a publish. */
        private PackWriter writer;

        OpenPack(BlobType type) {
            this.type = type;
        }

        /**
         * Appends a blob, {@code stored[offset, offset + length)}; returns the pack when that filled it (taken out: the
         * caller publishes it), else null.
         */
        synchronized PackWriter add(BlobId id, byte[] stored, int offset, int length, boolean compressed, int rawLength)
                throws IOException {
            if (writer == null) {
                writer = new PackWriter(keys, type, random, storage.spool(PackFormat.DIRECTORY));
            }
            writer.add(id, stored, offset, length, compressed, rawLength);
            return writer.size() >= packTargetSize ? take() : null;
        }

        /** The pack being filled, taken out (a later blob starts a new one), or null. */
        synchronized PackWriter take() {
            PackWriter taken = writer;
            writer = null;
            return taken;
        }
    }
}
