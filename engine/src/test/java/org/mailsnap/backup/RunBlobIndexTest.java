package org.mailsnap.backup;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mailsnap.catalog.Catalog;
import org.mailsnap.catalog.DamagedBlob;
import org.mailsnap.model.BlobId;
import org.mailsnap.model.BlobLocation;
import org.mailsnap.model.BlobType;
import org.mailsnap.model.PackId;

/** What a run's blob index takes as stored: the catalog's, the run's published packs, the blobs the state names. */
class RunBlobIndexTest {
    @TempDir
    Path dir;

    @Test
    void theBlobsTheStateNamesCountAsStoredForOneMailboxExceptDamagedOnes() throws Exception {
        BlobId cataloged = id(1);
        BlobId referenced = id(2);
        BlobId damaged = id(3);
        BlobId unknown = id(4);
        PackId pack = PackId.of(new byte[32]);
        try (Catalog catalog = Catalog.open(dir, "r")) {
            catalog.blobs()
                    .addAll(Map.of(cataloged, new BlobLocation(pack, BlobType.DATA, 0, 10, 10, 0))
                            .entrySet());
            catalog.blobs().markDamaged(List.of(new DamagedBlob(damaged, pack, "failed to decrypt")));
            RunBlobIndex index = new RunBlobIndex(catalog.blobs());
            assertTrue(index.contains(cataloged));
            assertFalse(index.contains(referenced));

            index.takeAsStored(Set.of(referenced, damaged));
            assertTrue(index.contains(referenced), "named by a folder state");
            assertFalse(index.contains(damaged), "marked bad: a put must store it again");
            assertFalse(index.contains(unknown));
            assertTrue(index.contains(cataloged));

            index.takeAsStored(Set.of());
            assertFalse(index.contains(referenced), "only for the mailbox being recorded");
        }
    }

    private static BlobId id(int b) {
        byte[] bytes = new byte[BlobId.LENGTH];
        bytes[0] = (byte) b;
        return BlobId.of(bytes);
    }
}
