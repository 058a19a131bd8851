package org.mailsnap.catalog;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.mailsnap.maildir.MailboxRootListing;
import org.mailsnap.model.FolderKey;
import org.mailsnap.model.SnapshotId;
import org.mailsnap.snapshot.ContentTable;

/**
 * The {@link CatalogView} reads over one {@link StateTxn}, shared by {@link CatalogReader} and
 * {@link CatalogWriter}: each read first asks {@link #check()} whether the view may be used now.
 */
abstract class StateView implements CatalogView {
    final StateTxn state;

    StateView(StateTxn state) {
        this.state = state;
    }

    /** Throws when this view may not be used now; a reader may always be used. */
    void check() {}

    @Override
    public Optional<KnownMessage> content(String mailbox, String guid) throws IOException {
        check();
        return state.content(mailbox, guid);
    }

    @Override
    public Optional<FolderState> folder(String storeKey, FolderKey folder) throws IOException {
        check();
        return state.folder(storeKey, folder);
    }

    @Override
    public List<FolderKey> folders(String storeKey) throws IOException {
        check();
        return state.folders(storeKey);
    }

    @Override
    public CatalogCursor<PlacementRecord> placements(String storeKey, FolderKey folder) throws IOException {
        check();
        return state.placements(storeKey, folder);
    }

    @Override
    public Optional<UnfinishedRun> unfinishedRun(String storeKey) throws IOException {
        check();
        return state.unfinishedRun(storeKey);
    }

    @Override
    public Optional<SnapshotId> stateSnapshot(String storeKey) throws IOException {
        check();
        return state.stateSnapshot(storeKey);
    }

    @Override
    public Map<String, MailboxRootListing> mailboxRoots(String storeKey) throws IOException {
        check();
        return state.mailboxRoots(storeKey);
    }

    @Override
    public Optional<ContentTable> contentTable(String storeKey, String mailbox) throws IOException {
        check();
        return state.contentTable(storeKey, mailbox);
    }

    @Override
    public Optional<MessageInfo> message(String mailbox, String guid) throws IOException {
        check();
        return state.message(mailbox, guid);
    }

    @Override
    public List<FoundMessage> find(MessageQuery query) throws IOException {
        check();
        return state.find(query);
    }

    @Override
    public Optional<SnapshotSummary> snapshot(SnapshotId id) throws IOException {
        check();
        return state.snapshot(id);
    }

    @Override
    public List<SnapshotSummary> snapshots() throws IOException {
        check();
        return state.snapshots();
    }
}
