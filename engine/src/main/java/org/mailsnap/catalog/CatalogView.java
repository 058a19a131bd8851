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
 * What can be read from the catalog within one transaction: a {@link CatalogReader} sees the last committed run,
 * a {@link CatalogWriter} also sees its own writes.
 */
public interface CatalogView {

    /** The content and mtime of {@code base} in {@code mailbox}, when a run stored it. */
    Optional<KnownMessage> content(String mailbox, String guid) throws IOException;

    /** What the last run recorded for the folder. */
    Optional<FolderState> folder(String storeKey, FolderKey folder) throws IOException;

    /** The store's folders (those with state or placements), ordered by mailbox bytes, then folder bytes. */
    List<FolderKey> folders(String storeKey) throws IOException;

    /**
     * The folder's placements in {@link org.mailsnap.model.BaseNames#ORDER} (sort a folder listing with it before
     * merging the two), read lazily from a cursor; empty for an unknown folder. Close the cursor when done.
     */
    CatalogCursor<PlacementRecord> placements(String storeKey, FolderKey folder) throws IOException;

    /** Whether the store's last run stopped after a checkpoint, and whether a prune was seen since. */
    Optional<UnfinishedRun> unfinishedRun(String storeKey) throws IOException;

    /**
     * The snapshot the store's last finished run saved, in the same transaction as the folder states and placements
     * it left: they describe that snapshot while no later run of the store committed at a checkpoint.
     */
    Optional<SnapshotId> stateSnapshot(String storeKey) throws IOException;

    /** What the last run saw in each mailbox root of the store, by mailbox name ({@code MailboxFinder}'s shortcut). */
    Map<String, MailboxRootListing> mailboxRoots(String storeKey) throws IOException;

    /**
     * The blobs of the content table the store's last run wrote for {@code mailbox} (a shortcut of the blob index:
     * absent after a catalog rebuild, and stale when a version that did not keep it wrote the mailbox since; it
     * describes the table only while the mailbox's folder states name its index).
     */
    Optional<ContentTable> contentTable(String storeKey, String mailbox) throws IOException;

    /** The search index's entry for {@code base} in {@code mailbox}. */
    Optional<MessageInfo> message(String mailbox, String guid) throws IOException;

    /** The messages meeting every criterion of {@code query}, at most {@code query.limit()} of them. */
    List<FoundMessage> find(MessageQuery query) throws IOException;

    Optional<SnapshotSummary> snapshot(SnapshotId id) throws IOException;

    /** All snapshots, oldest first. */
    List<SnapshotSummary> snapshots() throws IOException;
}
