package org.mailsnap.model;

/**
 * What a blob holds. Data and metadata blobs go to different packs, so that listing, diffing and catalog rebuilds
 * read metadata packs only.
 */
public enum BlobType {
    /** Message header blocks, body chunks, control files (uidlist, keywords, subscriptions). */
    DATA(0),
    /** Manifest chunks and snapshot trees. */
    METADATA(1);

    private final int code;

    BlobType(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    public static BlobType ofCode(int code) {
        for (BlobType t : values()) {
            if (t.code == code) {
                return t;
            }
        }
        throw new IllegalArgumentException("unknown blob type " + code);
    }
}
