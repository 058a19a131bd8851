package org.mailsnap.catalog;

import java.io.IOException;
import java.util.List;
import java.util.Optional;
import org.mailsnap.model.FolderKey;
import org.mailsnap.model.MessageContent;

/**
 * A consistent view of the last committed run, over one LMDB read transaction. Any thread may use it, one at a time
 * (the environment uses {@code MDB_NOTLS}); several readers may be open at once, also while a writer commits. Close
 * it promptly: an open reader keeps LMDB from reusing pages freed after it began.
 */
public final class CatalogReader implements CatalogView, AutoCloseable {
    private final StateTxn state;
    private final Handles handles;
    private boolean closed;

    CatalogReader(StateTxn state, Handles handles) {
        this.state = state;
        this.handles = handles;
    }

    @Override
    public Optional<KnownMessage> content(String mailbox, String guid) throws IOException {
        return state.content(mailbox, guid);
    }

    @Override
    public Optional<FolderState> folder(String storeKey, FolderKey folder) throws IOException {
        return state.folder(storeKey, folder);
    }

    @Override
    public List<FolderKey> folders(String storeKey) throws IOException {
        return state.folders(storeKey);
    }

    @Override
    public CatalogCursor<PlacementRecord> placements(String storeKey, FolderKey folder) throws IOException {
        return state.placements(storeKey, folder);
    }

    @Override
    public Optional<MessageInfo> message(String mailbox, String guid) throws IOException {
        return state.message(mailbox, guid);
    }

    @Override
    public List<FoundMessage> find(MessageQuery query) throws IOException {
        return state.find(query);
    }

    @Override
    public Optional<SnapshotSummary> snapshot(String id) throws IOException {
        return state.snapshot(id);
    }

    @Override
    public List<SnapshotSummary> snapshots() throws IOException {
        return state.snapshots();
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
