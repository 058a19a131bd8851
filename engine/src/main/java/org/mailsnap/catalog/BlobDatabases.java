package org.mailsnap.catalog;

import java.util.List;

/** The databases of the catalog's blob environment. See {@link LmdbKeys} for their keys. */
final class BlobDatabases {
    static final String BLOBS = "blobs";
    static final String INDEX_FILES = "indexFiles";
    /**
     * Blob locations known to be bad (check or a restore found the pack missing or the blob damaged). Added
     * without a format version change: an older catalog simply gets the empty database on its next open.
     */
    static final String DAMAGED = "damaged";

    static final List<String> NAMES = List.of(BLOBS, INDEX_FILES, DAMAGED);

    private BlobDatabases() {}
}
