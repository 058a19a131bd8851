package org.mailsnap.catalog;

import java.io.IOException;
import java.util.NoSuchElementException;

/** The placements of one folder in base order: a scan over the key range {@code folderId:i32be base}. */
final class PlacementCursor implements CatalogCursor<PlacementRecord> {
    private final PrefixScan scan;
    private PlacementRecord ahead;

    /** @param scan a scan of the folder's placement range, or null for a folder the catalog does not know */
    PlacementCursor(PrefixScan scan) {
        this.scan = scan;
    }

    @Override
    public boolean hasNext() throws IOException {
        if (ahead == null && scan != null && scan.next()) {
            String base = LmdbKeys.nameString(scan.key(), LmdbKeys.ID_BYTES);
            ahead = PlacementCodec.decode(base, scan.value(), scan.key());
        }
        return ahead != null;
    }

    @Override
    public PlacementRecord next() throws IOException {
        if (!hasNext()) {
            throw new NoSuchElementException("no more placements");
        }
        PlacementRecord p = ahead;
        ahead = null;
        return p;
    }

    @Override
    public void close() {
        if (scan != null) {
            scan.close();
        }
    }
}
