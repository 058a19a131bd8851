package org.mailsnap.catalog;

import java.util.List;

/** The databases of the catalog's blob environment. See {@link Keys} for their keys. */
final class BlobDatabases {
    static final String BLOBS = "blobs";
    static final String INDEX_FILES = "indexFiles";
    static final List<String> NAMES = List.of(BLOBS, INDEX_FILES);

    private BlobDatabases() {}
}
