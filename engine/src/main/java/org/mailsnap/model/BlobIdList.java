package org.mailsnap.model;

import java.util.AbstractList;
import java.util.List;
import java.util.RandomAccess;

/**
 * An immutable list of blob ids held as one byte array: 32 bytes an id, where a list of {@link BlobId} objects
 * takes ~76 (the object, its array, the reference). For the long lists a command holds for every snapshot at once:
 * a snapshot's tree and deleted-mail ledger chunk ids (prune and forget load every snapshot of the repository, and
 * each ledger-carrying snapshot lists tens of thousands of ledger chunks); {@code Snapshot} keeps its lists so. Each
 * {@link #get} makes a new {@code BlobId}.
 */
public final class BlobIdList extends AbstractList<BlobId> implements RandomAccess {
    private final byte[] ids;

    private BlobIdList(byte[] ids) {
        this.ids = ids;
    }

    /** {@code ids} as a compact list: itself when it is one already. */
    public static BlobIdList copyOf(List<BlobId> ids) {
        if (ids instanceof BlobIdList compact) {
            return compact;
        }
        byte[] bytes = new byte[Math.multiplyExact(ids.size(), BlobId.LENGTH)];
        int offset = 0;
        for (BlobId id : ids) {
            id.copyTo(bytes, offset); // a null id fails here, as List.copyOf would
            offset += BlobId.LENGTH;
        }
        return new BlobIdList(bytes);
    }

    @Override
    public BlobId get(int index) {
        if (index < 0 || index >= size()) {
            throw new IndexOutOfBoundsException(index);
        }
        return BlobId.of(ids, index * BlobId.LENGTH);
    }

    @Override
    public int size() {
        return ids.length / BlobId.LENGTH;
    }
}
