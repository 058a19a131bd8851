package org.mailsnap.catalog;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.mailsnap.model.FolderKey;

/**
 * Gives each store key and each folder of a store a small number, so that the millions of placement keys carry four
 * bytes instead of the store's path, mailbox and folder (and always fit LMDB's key limit). Numbers come from
 * counters in {@code meta}, are never reused, and are allocated inside the writer's transaction, so an aborted run
 * allocates nothing.
 */
final class FolderRegistry {
    private static final byte[] NEXT_STORE_ID = "nextStoreId".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] NEXT_FOLDER_ID = "nextFolderId".getBytes(StandardCharsets.US_ASCII);
    static final int ABSENT = 0;

    private final TxnAccess txn;
    private final StateDatabases dbs;
    // The coordinator writes one folder at a time: remembering the last lookup saves two gets per placement.
    private String lastStoreKey;
    private int lastStoreId;
    private String lastFolderStore;
    private FolderKey lastFolder;
    private int lastFolderId;

    FolderRegistry(TxnAccess txn, StateDatabases dbs) {
        this.txn = txn;
        this.dbs = dbs;
    }

    /** The store's number, or {@link #ABSENT}. */
    int storeId(String storeKey) throws IOException {
        if (storeKey.equals(lastStoreKey)) {
            return lastStoreId;
        }
        byte[] value = txn.get(dbs.stores(), LmdbKeys.store(storeKey));
        int id = value == null ? ABSENT : decodeId(value, "store id", storeKey);
        if (id != ABSENT) {
            lastStoreKey = storeKey;
            lastStoreId = id;
        }
        return id;
    }

    /** The folder's number, or {@link #ABSENT}. */
    int folderId(String storeKey, FolderKey folder) throws IOException {
        if (folder.equals(lastFolder) && storeKey.equals(lastFolderStore)) {
            return lastFolderId;
        }
        int storeId = storeId(storeKey);
        if (storeId == ABSENT) {
            return ABSENT;
        }
        byte[] value = txn.get(dbs.folderIds(), LmdbKeys.folderId(storeId, folder));
        int id = value == null ? ABSENT : decodeId(value, "folder id", folder.toString());
        if (id != ABSENT) {
            remember(storeKey, folder, id);
        }
        return id;
    }

    /** The store's number, registering the store when new (write transactions only). */
    int storeIdCreating(String storeKey) throws IOException {
        int storeId = storeId(storeKey);
        if (storeId == ABSENT) {
            storeId = next(NEXT_STORE_ID);
            txn.put(dbs.stores(), LmdbKeys.store(storeKey), LmdbKeys.id(storeId));
        }
        return storeId;
    }

    /** The folder's number, registering the store and folder when new (write transactions only). */
    int folderIdCreating(String storeKey, FolderKey folder) throws IOException {
        int id = folderId(storeKey, folder);
        if (id != ABSENT) {
            return id;
        }
        int storeId = storeIdCreating(storeKey);
        id = next(NEXT_FOLDER_ID);
        txn.put(dbs.folderIds(), LmdbKeys.folderId(storeId, folder), LmdbKeys.id(id));
        remember(storeKey, folder, id);
        return id;
    }

    /** Forgets the folder's number; the caller removes what was stored under it. */
    void unregister(String storeKey, FolderKey folder) throws IOException {
        int storeId = storeId(storeKey);
        if (storeId != ABSENT) {
            txn.delete(dbs.folderIds(), LmdbKeys.folderId(storeId, folder));
        }
        if (folder.equals(lastFolder) && storeKey.equals(lastFolderStore)) {
            lastFolder = null;
        }
    }

    /** The store's registered folders, in key order (mailbox bytes, then folder bytes). */
    List<FolderKey> folders(String storeKey) throws IOException {
        List<FolderKey> folders = new ArrayList<>();
        int storeId = storeId(storeKey);
        if (storeId == ABSENT) {
            return folders;
        }
        try (PrefixScan scan = txn.scan(dbs.folderIds(), LmdbKeys.id(storeId))) {
            while (scan.next()) {
                String[] parts = LmdbKeys.split(scan.key(), LmdbKeys.ID_BYTES, "folder id");
                folders.add(new FolderKey(parts[0], parts[1]));
            }
        }
        return folders;
    }

    private int next(byte[] counter) throws IOException {
        byte[] value = txn.get(dbs.meta(), counter);
        int id = value == null ? 1 : decodeId(value, "counter", new String(counter, StandardCharsets.US_ASCII));
        if (id == Integer.MAX_VALUE) {
            throw new CatalogException("catalog ran out of " + new String(counter, StandardCharsets.US_ASCII)
                    + " numbers; run `mailsnap catalog rebuild`");
        }
        txn.put(dbs.meta(), counter, LmdbKeys.id(id + 1));
        return id;
    }

    private void remember(String storeKey, FolderKey folder, int id) {
        lastFolderStore = storeKey;
        lastFolder = folder;
        lastFolderId = id;
    }

    private static int decodeId(byte[] value, String what, String name) throws CatalogCorruptException {
        if (value.length != LmdbKeys.ID_BYTES) {
            throw new CatalogCorruptException(
                    "corrupt " + what + " of " + name + ": " + value.length + " bytes, expected " + LmdbKeys.ID_BYTES);
        }
        int id = LmdbKeys.readId(value, 0);
        if (id <= 0) {
            throw new CatalogCorruptException("corrupt " + what + " of " + name + ": " + id);
        }
        return id;
    }
}
