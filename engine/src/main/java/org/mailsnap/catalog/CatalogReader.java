package org.mailsnap.catalog;

/**
 * A consistent view of the last committed run, over one LMDB read transaction. Any thread may use it, one at a time
 * (the environment uses {@code MDB_NOTLS}); several readers may be open at once, also while a writer commits. Close
 * it promptly: an open reader keeps LMDB from reusing pages freed after it began.
 */
public final class CatalogReader extends StateView implements AutoCloseable {
    private final Handles handles;
    private boolean closed;

    CatalogReader(StateTxn state, Handles handles) {
        super(state);
        this.handles = handles;
    }

    /** Ends the read transaction and closes its cursors. */
    @Override
    public void close() {
        if (!closed) {
            closed = true;
            state.txn().close();
            handles.exit();
        }
    }
}
