package org.mailsnap.catalog;

import java.io.IOException;
import org.mailsnap.maildir.MailboxRootListing;
import org.mailsnap.model.FolderKey;
import org.mailsnap.model.SnapshotId;
import org.mailsnap.snapshot.ContentTable;

/**
 * One run's changes to the catalog, in ONE LMDB write transaction: all of them become visible at {@link #commit()},
 * none if the writer is aborted or the process dies first. Its reads see its own writes.
 *
 * <p>Used only by the thread that began it (LMDB ties the write lock to that thread; other threads get an
 * {@link IllegalStateException}). Only one writer exists at a time: {@link Catalog#beginWrite()} in another thread
 * waits until this one ends. {@link CatalogBlobIndex} lives in a separate LMDB environment, so its short write
 * transactions never wait for this writer, from any thread.
 *
 * <p>To merge a folder's old placements with a new listing, iterate them from a {@link CatalogReader} (the last
 * committed run) while writing the new ones here: do not write to a folder while iterating its placements here.
 */
public final class CatalogWriter extends StateView implements AutoCloseable {
    private final Handles handles;
    private final Runnable onEnd;
    private final Thread owner = Thread.currentThread();
    private boolean ended;
    private long changes;

    CatalogWriter(StateTxn state, Handles handles, Runnable onEnd) {
        super(state);
        this.handles = handles;
        this.onEnd = onEnd;
    }

    public void putContent(String mailbox, String guid, KnownMessage content) throws IOException {
        countChange();
        state.putContent(mailbox, guid, content);
    }

    /** @return true when there was content to delete */
    public boolean deleteContent(String mailbox, String guid) throws IOException {
        countChange();
        return state.deleteContent(mailbox, guid);
    }

    /** Records (or replaces) the placement of {@code placement.base()} in the folder. */
    public void putPlacement(String storeKey, FolderKey folder, PlacementRecord placement) throws IOException {
        countChange();
        state.putPlacement(storeKey, folder, placement);
    }

    public boolean deletePlacement(String storeKey, FolderKey folder, String base) throws IOException {
        countChange();
        return state.deletePlacement(storeKey, folder, base);
    }

    /** Removes every placement of the folder (its state stays); returns how many. */
    public long clearPlacements(String storeKey, FolderKey folder) throws IOException {
        check();
        long cleared = state.clearPlacements(storeKey, folder);
        changes += cleared;
        return cleared;
    }

    /**
     * Records written or deleted in this transaction. LMDB keeps every page a transaction dirties in memory until it
     * commits, and most records land on pages of their own, so this is what bounds a transaction's memory.
     */
    public long changes() {
        return changes;
    }

    public void putFolder(String storeKey, FolderKey folder, FolderState folderState) throws IOException {
        countChange();
        state.putFolder(storeKey, folder, folderState);
    }

    /** Removes a folder that no longer exists: its state and all its placements. */
    public boolean deleteFolder(String storeKey, FolderKey folder) throws IOException {
        countChange();
        return state.deleteFolder(storeKey, folder);
    }

    /** Records what the finder saw in the mailbox's root (see {@link org.mailsnap.maildir.MailboxRootListing}). */
    public void putMailboxRoot(String storeKey, String mailbox, MailboxRootListing listing) throws IOException {
        countChange();
        state.putMailboxRoot(storeKey, mailbox, listing);
    }

    /** Forgets the mailbox's root listing: the next run reads the root again. */
    public boolean deleteMailboxRoot(String storeKey, String mailbox) throws IOException {
        countChange();
        return state.deleteMailboxRoot(storeKey, mailbox);
    }

    /** Records the blobs of the content table this run wrote for {@code mailbox}. */
    public void putContentTable(String storeKey, String mailbox, ContentTable table) throws IOException {
        countChange();
        state.putContentTable(storeKey, mailbox, table);
    }

    public boolean deleteContentTable(String storeKey, String mailbox) throws IOException {
        countChange();
        return state.deleteContentTable(storeKey, mailbox);
    }

    /** Records (or replaces) the search index entry, keeping the Message-ID index in step. */
    public void putMessage(String mailbox, String guid, MessageInfo info) throws IOException {
        countChange();
        state.putMessage(mailbox, guid, info);
    }

    /**
     * Drops everything cached about {@code mailbox} (removed from the repository by {@code forget --mailbox}): its
     * folders' states and placements, its root listing and its content table in every store, its content map and
     * search index entries. A later backup that still finds the mailbox reads it as new. Returns the records deleted.
     */
    public long forgetMailbox(String mailbox) throws IOException {
        check();
        long deleted = 0;
        java.util.Set<String> stores = new java.util.TreeSet<>();
        for (SnapshotSummary s : state.snapshots()) {
            stores.add(s.storeKey());
        }
        for (String store : stores) {
            deleted += state.deleteMailboxRoot(store, mailbox) ? 1 : 0;
            deleted += state.deleteContentTable(store, mailbox) ? 1 : 0;
            for (FolderKey folder : state.folders(store)) {
                if (folder.mailbox().equals(mailbox)) {
                    deleted += state.clearPlacements(store, folder);
                    deleted += state.deleteFolder(store, folder) ? 1 : 0;
                }
            }
        }
        for (String guid : state.guidsOf(mailbox)) {
            deleted += state.deleteContent(mailbox, guid) ? 1 : 0;
            deleted += state.deleteMessage(mailbox, guid) ? 1 : 0;
        }
        changes += deleted;
        return deleted;
    }

    public boolean deleteMessage(String mailbox, String guid) throws IOException {
        countChange();
        return state.deleteMessage(mailbox, guid);
    }

    public void putSnapshot(SnapshotSummary summary) throws IOException {
        countChange();
        state.putSnapshot(summary);
    }

    public boolean deleteSnapshot(SnapshotId id) throws IOException {
        countChange();
        return state.deleteSnapshot(id);
    }

    /**
     * Marks the store's run as unfinished: call before committing at a checkpoint, so that a run stopped after it is
     * known to have left state no snapshot references ({@link UnfinishedRun}). A mark already there stays as it is.
     */
    public void markRunUnfinished(String storeKey) throws IOException {
        countChange();
        state.markRunUnfinished(storeKey);
    }

    /** Records the snapshot the store's state now describes: call in the transaction that records the run's snapshot. */
    public void putStateSnapshot(String storeKey, SnapshotId id) throws IOException {
        countChange();
        state.putStateSnapshot(storeKey, id);
    }

    /** Clears the store's unfinished-run mark: call in the transaction that records the run's snapshot. */
    public boolean clearUnfinishedRun(String storeKey) throws IOException {
        countChange();
        return state.clearUnfinishedRun(storeKey);
    }

    /** See {@link Catalog#pruneSeen()}. */
    int pruneSeen() throws IOException {
        countChange();
        return state.pruneSeen();
    }

    /**
     * Makes every change durable and visible at once. If it fails, nothing was written and the writer is aborted.
     */
    public void commit() throws IOException {
        check();
        try {
            state.txn().commit();
        } finally {
            end();
        }
    }

    /** Drops every change. Safe to call more than once, and after a failed commit. */
    public void abort() {
        if (!ended) {
            checkThread();
            end();
        }
    }

    /** Aborts unless committed. */
    @Override
    public void close() {
        abort();
    }

    private void end() {
        ended = true;
        try {
            state.txn().close();
        } finally {
            onEnd.run();
            handles.exit();
        }
    }

    /** Checks that this writer may be used, and counts one record written or deleted. */
    private void countChange() {
        check();
        changes++;
    }

    @Override
    void check() {
        checkThread();
        if (ended) {
            throw new IllegalStateException("catalog writer already committed or aborted");
        }
    }

    private void checkThread() {
        if (Thread.currentThread() != owner) {
            throw new IllegalStateException("catalog writer began on thread '" + owner.getName()
                    + "' but is used on thread '" + Thread.currentThread().getName() + "'");
        }
    }
}
