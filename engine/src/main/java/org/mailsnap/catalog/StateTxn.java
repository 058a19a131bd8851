package org.mailsnap.catalog;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.lmdbjava.Dbi;
import org.mailsnap.maildir.MailboxRootListing;
import org.mailsnap.model.FolderKey;
import org.mailsnap.model.SnapshotId;
import org.mailsnap.snapshot.ContentTable;

/**
 * Reads and writes of the run-state environment within one transaction: the implementation behind
 * {@link CatalogReader} (reads only) and {@link CatalogWriter}. Writes keep the secondary indexes in step: the
 * Message-ID index with {@code messages}, and a folder's placements with its registration.
 */
final class StateTxn {
    private final TxnAccess txn;
    private final StateDatabases dbs;
    private final FolderRegistry registry;

    StateTxn(TxnAccess txn, StateDatabases dbs) {
        this.txn = txn;
        this.dbs = dbs;
        this.registry = new FolderRegistry(txn, dbs);
    }

    TxnAccess txn() {
        return txn;
    }

    /** A codec's decode: the value, and its key for the error when it is damaged. */
    private interface Decoder<T> {
        T decode(byte[] value, byte[] key) throws CatalogCorruptException;
    }

    /** The decoded value under {@code key}, or empty. */
    private <T> Optional<T> read(Dbi<ByteBuffer> dbi, byte[] key, Decoder<T> decoder) throws IOException {
        byte[] value = txn.get(dbi, key);
        return value == null ? Optional.empty() : Optional.of(decoder.decode(value, key));
    }

    // ---- content

    Optional<KnownMessage> content(String mailbox, String guid) throws IOException {
        return read(dbs.content(), LmdbKeys.content(mailbox, guid), MessageContentCodec::decode);
    }

    void putContent(String mailbox, String guid, KnownMessage content) throws IOException {
        txn.put(dbs.content(), LmdbKeys.content(mailbox, guid), MessageContentCodec.encode(content));
    }

    boolean deleteContent(String mailbox, String guid) throws IOException {
        return txn.delete(dbs.content(), LmdbKeys.content(mailbox, guid));
    }

    // ---- folders and placements

    Optional<FolderState> folder(String storeKey, FolderKey folder) throws IOException {
        int id = registry.folderId(storeKey, folder);
        if (id == FolderRegistry.ABSENT) {
            return Optional.empty();
        }
        return read(dbs.folders(), LmdbKeys.id(id), FolderStateCodec::decode);
    }

    List<FolderKey> folders(String storeKey) throws IOException {
        return registry.folders(storeKey);
    }

    void putFolder(String storeKey, FolderKey folder, FolderState state) throws IOException {
        int id = registry.folderIdCreating(storeKey, folder);
        txn.put(dbs.folders(), LmdbKeys.id(id), FolderStateCodec.encode(state));
    }

    /** Removes the folder's state, all its placements and its registration. True when the folder was known. */
    boolean deleteFolder(String storeKey, FolderKey folder) throws IOException {
        int id = registry.folderId(storeKey, folder);
        if (id == FolderRegistry.ABSENT) {
            return false;
        }
        txn.deleteAll(dbs.placements(), LmdbKeys.id(id));
        txn.delete(dbs.folders(), LmdbKeys.id(id));
        registry.unregister(storeKey, folder);
        return true;
    }

    CatalogCursor<PlacementRecord> placements(String storeKey, FolderKey folder) throws IOException {
        int id = registry.folderId(storeKey, folder);
        return new PlacementCursor(id == FolderRegistry.ABSENT ? null : txn.scan(dbs.placements(), LmdbKeys.id(id)));
    }

    void putPlacement(String storeKey, FolderKey folder, PlacementRecord placement) throws IOException {
        int id = registry.folderIdCreating(storeKey, folder);
        txn.put(dbs.placements(), LmdbKeys.placement(id, placement.base()), PlacementCodec.encode(placement));
    }

    boolean deletePlacement(String storeKey, FolderKey folder, String base) throws IOException {
        int id = registry.folderId(storeKey, folder);
        return id != FolderRegistry.ABSENT && txn.delete(dbs.placements(), LmdbKeys.placement(id, base));
    }

    /** Removes all placements of the folder, keeping its state. Returns how many were removed. */
    long clearPlacements(String storeKey, FolderKey folder) throws IOException {
        int id = registry.folderId(storeKey, folder);
        return id == FolderRegistry.ABSENT ? 0 : txn.deleteAll(dbs.placements(), LmdbKeys.id(id));
    }

    // ---- mailbox roots

    /** The store's mailbox root listings, by mailbox name. */
    Map<String, MailboxRootListing> mailboxRoots(String storeKey) throws IOException {
        Map<String, MailboxRootListing> roots = new HashMap<>();
        int storeId = registry.storeId(storeKey);
        if (storeId == FolderRegistry.ABSENT) {
            return roots;
        }
        try (PrefixScan scan = txn.scan(dbs.mailboxRoots(), LmdbKeys.id(storeId))) {
            while (scan.next()) {
                roots.put(
                        LmdbKeys.nameString(scan.key(), LmdbKeys.ID_BYTES),
                        MailboxRootCodec.decode(scan.value(), scan.key()));
            }
        }
        return roots;
    }

    void putMailboxRoot(String storeKey, String mailbox, MailboxRootListing listing) throws IOException {
        putOfMailbox(dbs.mailboxRoots(), storeKey, mailbox, MailboxRootCodec.encode(listing));
    }

    boolean deleteMailboxRoot(String storeKey, String mailbox) throws IOException {
        return deleteOfMailbox(dbs.mailboxRoots(), storeKey, mailbox);
    }

    // ---- content tables

    /** The blobs of the content table the store's last run wrote for {@code mailbox}, if recorded. */
    Optional<ContentTable> contentTable(String storeKey, String mailbox) throws IOException {
        int storeId = registry.storeId(storeKey);
        if (storeId == FolderRegistry.ABSENT) {
            return Optional.empty();
        }
        return read(dbs.contentTables(), LmdbKeys.storeMailbox(storeId, mailbox), ContentTableCodec::decode);
    }

    void putContentTable(String storeKey, String mailbox, ContentTable table) throws IOException {
        putOfMailbox(dbs.contentTables(), storeKey, mailbox, ContentTableCodec.encode(table));
    }

    boolean deleteContentTable(String storeKey, String mailbox) throws IOException {
        return deleteOfMailbox(dbs.contentTables(), storeKey, mailbox);
    }

    /** Records {@code value} about one mailbox of the store ({@code mailboxRoots}, {@code contentTables}). */
    private void putOfMailbox(Dbi<ByteBuffer> dbi, String storeKey, String mailbox, byte[] value) throws IOException {
        txn.put(dbi, LmdbKeys.storeMailbox(registry.storeIdCreating(storeKey), mailbox), value);
    }

    private boolean deleteOfMailbox(Dbi<ByteBuffer> dbi, String storeKey, String mailbox) throws IOException {
        int storeId = registry.storeId(storeKey);
        return storeId != FolderRegistry.ABSENT && txn.delete(dbi, LmdbKeys.storeMailbox(storeId, mailbox));
    }

    // ---- messages (search index)

    Optional<MessageInfo> message(String mailbox, String guid) throws IOException {
        return read(dbs.messages(), LmdbKeys.content(mailbox, guid), MessageInfoCodec::decode);
    }

    void putMessage(String mailbox, String guid, MessageInfo info) throws IOException {
        byte[] key = LmdbKeys.content(mailbox, guid);
        String oldId = indexedMessageId(key);
        String newId = MessageQuery.normalizeMessageId(info.messageId());
        // messageId checks the length before anything is written
        byte[] newIndexKey = newId.isEmpty() ? null : LmdbKeys.messageId(newId, key);
        if (!oldId.equals(newId)) {
            if (!oldId.isEmpty()) {
                txn.delete(dbs.messageIds(), LmdbKeys.messageId(oldId, key));
            }
            if (newIndexKey != null) {
                txn.put(dbs.messageIds(), newIndexKey, new byte[0]);
            }
        }
        txn.put(dbs.messages(), key, MessageInfoCodec.encode(info));
    }

    boolean deleteMessage(String mailbox, String guid) throws IOException {
        byte[] key = LmdbKeys.content(mailbox, guid);
        String oldId = indexedMessageId(key);
        if (!oldId.isEmpty()) {
            txn.delete(dbs.messageIds(), LmdbKeys.messageId(oldId, key));
        }
        return txn.delete(dbs.messages(), key);
    }

    /** The Message-ID the index holds for the message under {@code key}, normalized; empty for none or no message. */
    private String indexedMessageId(byte[] key) throws IOException {
        byte[] value = txn.get(dbs.messages(), key);
        return value == null
                ? ""
                : MessageQuery.normalizeMessageId(
                        MessageInfoCodec.decode(value, key).messageId());
    }

    /**
     * Search: with a Message-ID, walk that id's entries in the Message-ID index (hash prefix, then verified); else
     * scan one mailbox's key range, or every message. Stops at the query's limit.
     */
    List<FoundMessage> find(MessageQuery query) throws IOException {
        MessageMatcher matcher = new MessageMatcher(query);
        List<FoundMessage> hits = new ArrayList<>();
        if (query.messageId() != null) {
            byte[] prefix = LmdbKeys.messageIdPrefix(query.messageId());
            if (query.mailbox() != null) {
                prefix = LmdbKeys.concat(prefix, LmdbKeys.mailboxPrefix(query.mailbox()));
            }
            try (PrefixScan scan = txn.scan(dbs.messageIds(), prefix)) {
                while (hits.size() < query.limit() && scan.next()) {
                    byte[] key = Arrays.copyOfRange(scan.key(), LmdbKeys.MESSAGE_ID_HASH_BYTES, scan.key().length);
                    byte[] value = txn.get(dbs.messages(), key);
                    if (value == null) {
                        throw new CatalogCorruptException("corrupt Message-ID index: entry for a message that is not"
                                + " in the index (" + Arrays.toString(LmdbKeys.split(key, 0, "message")) + ")");
                    }
                    collect(key, value, matcher, hits);
                }
            }
        } else {
            if (query.mailbox() != null && query.guid() != null) {
                byte[] key = LmdbKeys.content(query.mailbox(), query.guid());
                byte[] value = txn.get(dbs.messages(), key);
                if (value != null) {
                    collect(key, value, matcher, hits);
                }
                return hits;
            }
            byte[] prefix = query.mailbox() == null ? new byte[0] : LmdbKeys.mailboxPrefix(query.mailbox());
            try (PrefixScan scan = txn.scan(dbs.messages(), prefix)) {
                while (hits.size() < query.limit() && scan.next()) {
                    collect(scan.key(), scan.value(), matcher, hits);
                }
            }
        }
        return hits;
    }

    /** The GUIDs the content map or the search index holds for {@code mailbox}. */
    java.util.Set<String> guidsOf(String mailbox) throws IOException {
        java.util.Set<String> guids = new java.util.TreeSet<>();
        byte[] prefix = LmdbKeys.mailboxPrefix(mailbox);
        for (var dbi : List.of(dbs.content(), dbs.messages())) {
            try (PrefixScan scan = txn.scan(dbi, prefix)) {
                while (scan.next()) {
                    guids.add(LmdbKeys.split(scan.key(), 0, "content")[1]);
                }
            }
        }
        return guids;
    }

    private static void collect(byte[] key, byte[] value, MessageMatcher matcher, List<FoundMessage> hits)
            throws CatalogCorruptException {
        String[] mailboxAndGuid = LmdbKeys.split(key, 0, "message");
        MessageInfo info = MessageInfoCodec.decode(value, key);
        if (matcher.matches(mailboxAndGuid[0], mailboxAndGuid[1], info)) {
            hits.add(new FoundMessage(mailboxAndGuid[0], mailboxAndGuid[1], info));
        }
    }

    // ---- snapshots

    Optional<SnapshotSummary> snapshot(SnapshotId id) throws IOException {
        return read(
                dbs.snapshots(), LmdbKeys.snapshot(id), (value, key) -> SnapshotSummaryCodec.decode(id, value, key));
    }

    /** All snapshots, oldest first (ties by id). */
    List<SnapshotSummary> snapshots() throws IOException {
        List<SnapshotSummary> all = new ArrayList<>();
        try (PrefixScan scan = txn.scan(dbs.snapshots(), new byte[0])) {
            while (scan.next()) {
                all.add(SnapshotSummaryCodec.decode(LmdbKeys.snapshotId(scan.key()), scan.value(), scan.key()));
            }
        }
        all.sort(Comparator.comparing(SnapshotSummary::time).thenComparing(SnapshotSummary::id));
        return all;
    }

    void putSnapshot(SnapshotSummary summary) throws IOException {
        txn.put(dbs.snapshots(), LmdbKeys.snapshot(summary.id()), SnapshotSummaryCodec.encode(summary));
    }

    boolean deleteSnapshot(SnapshotId id) throws IOException {
        return txn.delete(dbs.snapshots(), LmdbKeys.snapshot(id));
    }

    // ---- unfinished runs

    Optional<UnfinishedRun> unfinishedRun(String storeKey) throws IOException {
        return read(dbs.unfinishedRuns(), LmdbKeys.store(storeKey), UnfinishedRun::decode);
    }

    /** Records that the store's run committed at a checkpoint; a mark already there (a prune seen) stays. */
    void markRunUnfinished(String storeKey) throws IOException {
        byte[] key = LmdbKeys.store(storeKey);
        if (txn.get(dbs.unfinishedRuns(), key) == null) {
            txn.put(dbs.unfinishedRuns(), key, UnfinishedRun.CHECKPOINTED.encode());
        }
    }

    boolean clearUnfinishedRun(String storeKey) throws IOException {
        return txn.delete(dbs.unfinishedRuns(), LmdbKeys.store(storeKey));
    }

    /**
     * A prune was seen: turns every {@link UnfinishedRun#CHECKPOINTED} mark into {@link UnfinishedRun#PRUNED_SINCE}
     * and forgets every store's state snapshot. Returns how many records changed.
     */
    int pruneSeen() throws IOException {
        int forgotten = (int) txn.deleteAll(dbs.stateSnapshots(), new byte[0]);
        List<byte[]> checkpointed = new ArrayList<>();
        try (PrefixScan scan = txn.scan(dbs.unfinishedRuns(), new byte[0])) {
            while (scan.next()) {
                if (UnfinishedRun.decode(scan.value(), scan.key()) == UnfinishedRun.CHECKPOINTED) {
                    checkpointed.add(scan.key());
                }
            }
        }
        for (byte[] key : checkpointed) {
            txn.put(dbs.unfinishedRuns(), key, UnfinishedRun.PRUNED_SINCE.encode());
        }
        return forgotten + checkpointed.size();
    }

    // ---- the snapshot a store's state describes

    Optional<SnapshotId> stateSnapshot(String storeKey) throws IOException {
        return read(dbs.stateSnapshots(), LmdbKeys.store(storeKey), (value, key) -> LmdbKeys.snapshotId(value));
    }

    void putStateSnapshot(String storeKey, SnapshotId id) throws IOException {
        txn.put(dbs.stateSnapshots(), LmdbKeys.store(storeKey), LmdbKeys.snapshot(id));
    }
}
