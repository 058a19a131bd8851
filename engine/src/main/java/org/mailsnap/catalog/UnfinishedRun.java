package org.mailsnap.catalog;

/**
 * What the catalog knows of a store's last run when that run did not finish: it committed at a checkpoint and then
 * stopped (killed, or failed) before saving its snapshot. Its folder states, placements and message contents then
 * name blobs that no snapshot references, which a prune deletes as garbage.
 */
public enum UnfinishedRun {
    /** The run committed at a checkpoint and stopped; no prune was seen since: what it stored is still there. */
    CHECKPOINTED(1),
    /**
     * A prune was seen since ({@link Catalog#pruneSeen}): the run's state may name deleted blobs, so the
     * store's next run may take nothing from it without checking.
     */
    PRUNED_SINCE(2);

    final int code;

    UnfinishedRun(int code) {
        this.code = code;
    }

    static UnfinishedRun decode(byte[] value, byte[] key) throws CatalogCorruptException {
        if (value.length == 1) {
            for (UnfinishedRun r : values()) {
                if (r.code == value[0]) {
                    return r;
                }
            }
        }
        throw new CatalogCorruptException("unfinished-run mark of " + value.length + " bytes, first "
                + (value.length == 0 ? "none" : Integer.toString(value[0] & 0xff)) + " (key of " + key.length
                + " bytes)");
    }

    byte[] encode() {
        return new byte[] {(byte) code};
    }
}
