package org.mailsnap.prune;

import java.util.BitSet;
import java.util.HashMap;
import java.util.Map;
import org.mailsnap.model.BlobId;
import org.mailsnap.model.BlobIdSet;
import org.mailsnap.model.PackId;

/**
 * Which listed copy of a live blob prune keeps. Most blobs are listed once; a blob two writers stored at once (or
 * that a killed prune already copied) is listed in several packs, and only the first copy met, in the fixed order
 * of the index files, is kept: the spares become dead space. The suspects are the live-set slots met more than once
 * during the sweep; only for them is the full id remembered (a map as small as the number of spares), so a prefix
 * shared by two different blobs never makes one of them lose its only copy.
 */
final class Copies {
    private final BlobIdSet live;
    private final BitSet listedTwice;
    private final Map<BlobId, PackId> chosen = new HashMap<>();

    Copies(BlobIdSet live, BitSet listedTwice) {
        this.live = live;
        this.listedTwice = listedTwice;
    }

    /** True when the copy of {@code id} in {@code pack} is live and is the one kept. Call in index-file order. */
    boolean keeps(BlobId id, PackId pack) {
        int slot = live.slotOf(id);
        if (slot < 0) {
            return false;
        }
        if (!listedTwice.get(slot)) {
            return true;
        }
        PackId first = chosen.putIfAbsent(id, pack);
        return first == null || first.equals(pack);
    }
}
