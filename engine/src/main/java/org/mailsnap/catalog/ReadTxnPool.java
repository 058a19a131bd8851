package org.mailsnap.catalog;

import java.io.IOException;
import java.util.concurrent.ConcurrentLinkedDeque;

/**
 * Idle read transactions of one environment, reset (no snapshot held) and renewed on loan: a point lookup then costs
 * a renew instead of a begin and an abort, and any thread may borrow any of them ({@code MDB_NOTLS}). The pool holds
 * at most as many as were ever in use at once, capped at {@link #MAX_IDLE}.
 */
final class ReadTxnPool implements AutoCloseable {
    static final int MAX_IDLE = 64;

    private final LmdbEnvironment environment;
    private final ConcurrentLinkedDeque<TxnAccess> idle = new ConcurrentLinkedDeque<>();

    ReadTxnPool(LmdbEnvironment environment) {
        this.environment = environment;
    }

    /** A read transaction on a fresh snapshot; give it back with {@link #release}. */
    TxnAccess acquire() throws IOException {
        TxnAccess txn = idle.pollFirst();
        if (txn == null) {
            return environment.read();
        }
        try {
            txn.renew();
            return txn;
        } catch (IOException e) {
            txn.close();
            throw e;
        }
    }

    void release(TxnAccess txn) {
        if (idle.size() >= MAX_IDLE) {
            txn.close();
            return;
        }
        txn.reset();
        idle.offerFirst(txn);
    }

    /** Closes the idle transactions; call only when no transaction is on loan. */
    @Override
    public void close() {
        for (TxnAccess txn = idle.pollFirst(); txn != null; txn = idle.pollFirst()) {
            txn.close();
        }
    }
}
