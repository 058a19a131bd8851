package org.mailsnap.catalog;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.lmdbjava.Dbi;
import org.lmdbjava.LmdbException;
import org.lmdbjava.PutFlags;
import org.lmdbjava.Txn;

/**
 * One LMDB transaction with byte-array keys and values: copies keys into a direct buffer LMDB can read, copies
 * values out of the map before the next call can move them, translates lmdbjava's exceptions, and closes the
 * transaction's cursors before it ends. Used by one thread at a time.
 */
final class TxnAccess implements AutoCloseable {
    /** Where the transaction is in its life; lmdbjava's {@code Txn.State} is the model. */
    private enum State {
        /** Operations may run. */
        READY,
        /** A read transaction that released its snapshot but kept its reader slot: {@link #renew()} or close. */
        RESET,
        /** A write transaction whose operation failed: LMDB then allows only an abort ({@link #failure}). */
        FAILED,
        /** Committed or aborted. */
        ENDED
    }

    private final LmdbEnvironment environment;
    private final Txn<ByteBuffer> txn;
    private final ByteBuffer keyBuffer = ByteBuffer.allocateDirect(LmdbKeys.MAX_KEY_BYTES);
    private final List<PrefixScan> openScans = new ArrayList<>();
    private ByteBuffer valueBuffer = ByteBuffer.allocateDirect(256);
    private State state = State.READY;
    /** Why the transaction is {@link State#FAILED}. */
    private IOException failure;

    TxnAccess(LmdbEnvironment environment, Txn<ByteBuffer> txn) {
        this.environment = environment;
        this.txn = txn;
    }

    /** The value stored under {@code key}, or null; its {@link RecordChecksum} is checked and removed. */
    byte[] get(Dbi<ByteBuffer> dbi, byte[] key) throws IOException {
        ByteBuffer sealed = stored(dbi, key);
        return sealed == null ? null : unseal(dbi, key, sealed);
    }

    /** Stores {@code value} with its {@link RecordChecksum}. */
    void put(Dbi<ByteBuffer> dbi, byte[] key, byte[] value) throws IOException {
        putUnsealed(dbi, key, RecordChecksum.seal(key, value));
    }

    /** The stored bytes as they are (only the format version is stored without a checksum). */
    byte[] getUnsealed(Dbi<ByteBuffer> dbi, byte[] key) throws IOException {
        ByteBuffer value = stored(dbi, key);
        return value == null ? null : copy(value);
    }

    /** LMDB's buffer holding the value under {@code key} (valid until the next operation), or null. */
    private ByteBuffer stored(Dbi<ByteBuffer> dbi, byte[] key) throws IOException {
        checkUsable();
        try {
            environment.operated();
            return dbi.get(txn, keyBuffer(key));
        } catch (LmdbException e) {
            throw failure(e, "read");
        }
    }

    void putUnsealed(Dbi<ByteBuffer> dbi, byte[] key, byte[] value) throws IOException {
        checkUsable();
        try {
            environment.operated();
            // No flags as null, not as an empty array: lmdbjava masks an array of flags through a stream, which
            // allocated a twentieth of a first backup's bytes (benchmarks/results/2026-12-07-kept-packs).
            dbi.put(txn, keyBuffer(key), valueBuffer(value), (PutFlags[]) null);
        } catch (LmdbException e) {
            throw failure(e, "write");
        }
    }

    /** The value in {@code sealed} (a record as LMDB holds it), its checksum checked and removed. */
    byte[] unseal(Dbi<ByteBuffer> dbi, byte[] key, ByteBuffer sealed) throws CatalogCorruptException {
        return RecordChecksum.open(key, sealed, environment.catalogDirectory(), environment.recordSource(dbi));
    }

    /** True when there was an entry to delete. */
    boolean delete(Dbi<ByteBuffer> dbi, byte[] key) throws IOException {
        checkUsable();
        try {
            environment.operated();
            return dbi.delete(txn, keyBuffer(key));
        } catch (LmdbException e) {
            throw failure(e, "delete");
        }
    }

    long entries(Dbi<ByteBuffer> dbi) throws IOException {
        checkUsable();
        try {
            return dbi.stat(txn).entries;
        } catch (LmdbException e) {
            throw failure(e, "stat");
        }
    }

    /** A scan over the keys starting with {@code prefix} (all keys for an empty prefix); close it when done. */
    PrefixScan scan(Dbi<ByteBuffer> dbi, byte[] prefix) throws IOException {
        checkUsable();
        try {
            PrefixScan scan = new PrefixScan(this, dbi, dbi.openCursor(txn), prefix);
            openScans.add(scan);
            return scan;
        } catch (LmdbException e) {
            throw failure(e, "open cursor");
        }
    }

    /** Deletes every entry whose key starts with {@code prefix} (all of them for an empty one); returns how many. */
    long deleteAll(Dbi<ByteBuffer> dbi, byte[] prefix) throws IOException {
        long n = 0;
        try (PrefixScan scan = scan(dbi, prefix)) {
            while (scan.next()) {
                scan.deleteCurrent();
                n++;
            }
        }
        return n;
    }

    void commit() throws IOException {
        checkUsable();
        closeScans();
        try {
            txn.commit();
        } catch (LmdbException e) {
            throw failure(e, "commit"); // LMDB has freed the transaction: nothing of it was written
        } finally {
            state = State.ENDED;
            txn.close(); // after a commit, this only releases lmdbjava's buffers
        }
    }

    /** Aborts unless committed; safe to call more than once. */
    @Override
    public void close() {
        if (state != State.ENDED) {
            boolean wasReset = state == State.RESET;
            state = State.ENDED;
            closeScans();
            if (wasReset) {
                txn.renew(); // lmdbjava aborts only a ready transaction; a reset one would keep its reader slot
            }
            txn.close();
        }
    }

    /** Read transactions only: releases the snapshot but keeps the reader slot, for {@link #renew()}. */
    void reset() {
        closeScans();
        txn.reset();
        state = State.RESET;
    }

    /** Read transactions only: takes a fresh snapshot after {@link #reset()}. */
    void renew() throws IOException {
        try {
            txn.renew();
            state = State.READY;
        } catch (LmdbException e) {
            throw failure(e, "renew read transaction");
        }
    }

    IOException failure(LmdbException e, String operation) {
        IOException translated = LmdbErrors.translate(e, environment.directory(), operation);
        if (!txn.isReadOnly()) {
            failure = translated; // LMDB requires a write transaction to be aborted after a failed operation
            state = State.FAILED;
        }
        return translated;
    }

    void forget(PrefixScan scan) {
        openScans.remove(scan);
    }

    void operated() {
        environment.operated();
    }

    ByteBuffer keyBuffer(byte[] key) {
        keyBuffer.clear();
        keyBuffer.put(key).flip(); // lmdbjava passes the buffer's address, not its position: always start at 0
        return keyBuffer;
    }

    static byte[] copy(ByteBuffer buffer) {
        byte[] out = new byte[buffer.remaining()];
        buffer.get(buffer.position(), out); // absolute: neither LMDB's buffer moves nor a view of it is made
        return out;
    }

    private ByteBuffer valueBuffer(byte[] value) {
        if (valueBuffer.capacity() < value.length) {
            valueBuffer = ByteBuffer.allocateDirect(Math.max(value.length, valueBuffer.capacity() * 2));
        }
        valueBuffer.clear();
        valueBuffer.put(value).flip();
        return valueBuffer;
    }

    private void checkUsable() throws IOException {
        switch (state) {
            case READY -> {}
            case RESET -> throw new IllegalStateException("catalog read transaction is reset; renew it first");
            case FAILED ->
                throw new CatalogException(
                        "catalog " + environment.directory() + ": this transaction failed earlier ("
                                + failure.getMessage() + ") and can only be aborted",
                        failure);
            case ENDED -> throw new IllegalStateException("catalog transaction already ended");
        }
    }

    private void closeScans() {
        for (PrefixScan scan : List.copyOf(openScans)) {
            scan.close();
        }
    }
}
