package org.mailsnap.repository;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mailsnap.catalog.Catalog;
import org.mailsnap.catalog.CatalogCorruptException;
import org.mailsnap.model.BlobId;
import org.mailsnap.model.BlobType;
import org.mailsnap.storage.MemoryStorage;

/**
 * A bit flip in the catalog's blob index made a restore say "blob …: not in the index", which reads as damage to
 * the repository. The blob store now checks the repository's index files and blames the catalog when they list the
 * blob; a blob that no index file lists is still the repository's problem.
 */
class CatalogBlobIndexDamageTest {
    @TempDir
    Path dir;

    @Test
    void aFlippedBlobKeyInTheCatalogIsReportedAsCatalogDamage() throws Exception {
        MemoryStorage storage = new MemoryStorage();
        Repository repo = Repository.init(
                storage, "pw".toCharArray(), TestRepositories.options(7).build());
        String repositoryId = repo.config().repositoryId();
        Path catalogDir = dir.resolve("catalog");
        BlobId id;
        byte[] plaintext = "a message body".getBytes(StandardCharsets.US_ASCII);
        try (Catalog catalog = Catalog.open(catalogDir, repositoryId)) {
            BlobStore blobs = repo.openBlobStore(catalog.blobs());
            id = blobs.put(BlobType.DATA, plaintext);
            blobs.flush();
            assertArrayEquals(plaintext, blobs.get(id));
        }
        // flip one bit of the blob id where the blob index stores it as a key
        Path data = catalogDir.resolve("blobs/data.mdb");
        byte[] file = Files.readAllBytes(data);
        byte[] key = id.toBytes();
        int at = -1;
        for (int i = 0; i + key.length <= file.length; i++) {
            if (Arrays.equals(file, i, i + key.length, key, 0, key.length)) {
                at = i;
            }
        }
        assertTrue(at >= 0, "the id is in the file");
        file[at + 5] ^= 0x10;
        Files.write(data, file);

        try (Catalog catalog = Catalog.open(catalogDir, repositoryId)) {
            BlobStore blobs = repo.openBlobStore(catalog.blobs());
            CatalogCorruptException e = assertThrows(CatalogCorruptException.class, () -> blobs.get(id));
            String expected = java.util.regex.Pattern.quote("the local catalog at " + catalogDir + " is damaged (its"
                            + " blob index lacks blob " + id.shortHex() + "…, which the repository's index file ")
                    + "[0-9a-f]{12}" + java.util.regex.Pattern.quote("… lists): run `mailsnap catalog rebuild`");
            assertTrue(e.getMessage().matches(expected), e.getMessage());
        }
        // nothing lost: a fresh catalog loaded from the repository's index files finds it
        Catalog.delete(catalogDir);
        try (Catalog catalog = Catalog.open(catalogDir, repositoryId)) {
            repo.indexSync().loadAll(catalog.blobs());
            assertArrayEquals(plaintext, repo.openBlobStore(catalog.blobs()).get(id));
        }
    }

    @Test
    void aBlobNoIndexFileListsIsStillTheRepositorysProblem() throws Exception {
        MemoryStorage storage = new MemoryStorage();
        Repository repo = Repository.init(
                storage, "pw".toCharArray(), TestRepositories.options(8).build());
        try (Catalog catalog = Catalog.open(dir.resolve("c"), repo.config().repositoryId())) {
            BlobStore blobs = repo.openBlobStore(catalog.blobs());
            blobs.put(BlobType.DATA, new byte[] {1});
            blobs.flush();
            BlobId absent = BlobId.of(new byte[32]);
            BlobNotFoundException e = assertThrows(BlobNotFoundException.class, () -> blobs.get(absent));
            assertTrue(e.getMessage().endsWith("not in the index"), e.getMessage());
        }
    }
}
