package org.mailsnap.catalog;

import java.io.IOException;
import java.nio.ByteBuffer;
import org.lmdbjava.Cursor;
import org.lmdbjava.Dbi;
import org.lmdbjava.GetOp;
import org.lmdbjava.LmdbException;

/**
 * Walks, in key order, the entries of one database whose keys start with a prefix; entries are copied out of the
 * map as they are visited, so nothing stays pinned, and each value's {@link RecordChecksum} is checked. Owned by
 * its {@link TxnAccess}, which closes it before the transaction ends (LMDB frees a write transaction's cursors at
 * commit).
 */
final class PrefixScan implements AutoCloseable {
    private final TxnAccess txn;
    private final Dbi<ByteBuffer> dbi;
    private final Cursor<ByteBuffer> cursor;
    private final byte[] prefix;
    private boolean started;
    private boolean exhausted;
    private boolean closed;
    private byte[] key;
    private byte[] value;

    PrefixScan(TxnAccess txn, Dbi<ByteBuffer> dbi, Cursor<ByteBuffer> cursor, byte[] prefix) {
        this.txn = txn;
        this.dbi = dbi;
        this.cursor = cursor;
        this.prefix = prefix.clone();
    }

    /** Moves to the next entry in range; false at the end. */
    boolean next() throws IOException {
        if (exhausted) {
            return false;
        }
        if (closed) {
            throw new IllegalStateException("scan used after it was closed");
        }
        try {
            txn.operated();
            boolean found;
            if (started) {
                found = cursor.next();
            } else {
                started = true;
                found = prefix.length == 0 ? cursor.first() : cursor.get(txn.keyBuffer(prefix), GetOp.MDB_SET_RANGE);
            }
            if (found) {
                key = TxnAccess.copy(cursor.key());
                if (LmdbKeys.startsWith(key, prefix)) {
                    value = txn.unseal(dbi, key, cursor.val());
                    return true;
                }
            }
            exhausted = true;
            key = null;
            value = null;
            return false;
        } catch (LmdbException e) {
            throw txn.failure(e, "scan");
        }
    }

    byte[] key() {
        return key;
    }

    byte[] value() {
        return value;
    }

    /** Deletes the current entry; the following {@link #next()} moves to the entry after it. */
    void deleteCurrent() throws IOException {
        if (key == null) {
            throw new IllegalStateException("no current entry to delete");
        }
        try {
            cursor.delete();
        } catch (LmdbException e) {
            throw txn.failure(e, "delete");
        }
    }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            exhausted = true;
            cursor.close();
            txn.forget(this);
        }
    }
}
