package org.mailsnap.recovery;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.mailsnap.catalog.Catalog;
import org.mailsnap.catalog.CatalogCursor;
import org.mailsnap.catalog.CatalogReader;
import org.mailsnap.catalog.FolderState;
import org.mailsnap.catalog.KnownMessage;
import org.mailsnap.catalog.PlacementRecord;
import org.mailsnap.model.FolderKey;

/** A store's last-run state as a catalog holds it, captured for comparison. */
record CatalogState(
        Map<FolderKey, FolderState> folders,
        Map<FolderKey, List<PlacementRecord>> placements,
        Map<String, KnownMessage> contents) {

    static CatalogState capture(Catalog catalog, String storeKey) throws IOException {
        Map<FolderKey, FolderState> folders = new TreeMap<>();
        Map<FolderKey, List<PlacementRecord>> placements = new TreeMap<>();
        Map<String, KnownMessage> contents = new TreeMap<>();
        try (CatalogReader r = catalog.read()) {
            for (FolderKey key : r.folders(storeKey)) {
                r.folder(storeKey, key).ifPresent(s -> folders.put(key, s));
                List<PlacementRecord> list = new ArrayList<>();
                try (CatalogCursor<PlacementRecord> cursor = r.placements(storeKey, key)) {
                    while (cursor.hasNext()) {
                        list.add(cursor.next());
                    }
                }
                placements.put(key, list);
                for (PlacementRecord p : list) {
                    contents.put(
                            key.mailbox() + "|" + p.base(),
                            r.content(key.mailbox(), p.base()).orElse(null));
                }
            }
        }
        return new CatalogState(folders, placements, contents);
    }
}
