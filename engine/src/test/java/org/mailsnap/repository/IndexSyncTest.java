package org.mailsnap.repository;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.mailsnap.model.BlobId;
import org.mailsnap.model.BlobType;
import org.mailsnap.model.ObjectId;
import org.mailsnap.storage.MemoryStorage;

/** Loading index files into a blob index: incremental syncs and {@code supersedes}. */
class IndexSyncTest {
    private final MemoryStorage storage = new MemoryStorage();

    @Test
    void incrementalSyncReadsOnlyNewIndexFiles() throws Exception {
        Repository repo = Repository.init(
                storage, "pw".toCharArray(), TestRepositories.options(1).build());
        BlobStore blobs = repo.openBlobStore(new MemoryBlobIndex());
        blobs.put(BlobType.DATA, new byte[] {1});
        blobs.flush();
        MemoryBlobIndex catalog = new MemoryBlobIndex();
        Set<ObjectId> known = new HashSet<>(repo.indexSync().loadAll(catalog).processed());
        assertEquals(1, catalog.size());

        blobs.put(BlobType.DATA, new byte[] {2});
        blobs.flush();
        IndexSync.Result second = repo.indexSync().sync(catalog, known);
        assertEquals(1, second.processed().size());
        assertFalse(known.containsAll(second.processed()));
        assertEquals(2, catalog.size());
        assertFalse(second.rebuildNeeded());
        assertEquals(blobs.writtenIndexIds(), union(known, second.processed()));
    }

    @Test
    void aSupersedingIndexHidesTheOldOnes() throws Exception {
        Repository repo = Repository.init(
                storage, "pw".toCharArray(), TestRepositories.options(1).build());
        BlobStore blobs = repo.openBlobStore(new MemoryBlobIndex());
        BlobId kept = blobs.put(BlobType.DATA, "kept".getBytes(StandardCharsets.UTF_8));
        blobs.flush();
        BlobId dropped = blobs.put(BlobType.DATA, "dropped".getBytes(StandardCharsets.UTF_8));
        blobs.flush();
        List<ObjectId> old = repo.indexSync().ids();
        assertEquals(2, old.size());
        MemoryBlobIndex before = new MemoryBlobIndex();
        Set<ObjectId> known = repo.indexSync().loadAll(before).processed();

        // what prune would write: one index listing the live blob only, superseding both old files
        IndexFile.PackRecord keptRecord = null;
        for (ObjectId id : old) {
            for (IndexFile.PackRecord record : repo.indexSync().read(id).packs()) {
                if (record.entries().get(0).id().equals(kept)) {
                    keptRecord = record;
                }
            }
        }
        ObjectId replacement = repo.indexSync().write(old, List.of(keptRecord));

        MemoryBlobIndex rebuilt = new MemoryBlobIndex();
        IndexSync.Result result = repo.indexSync().loadAll(rebuilt);
        assertEquals(Set.of(replacement), result.fed());
        assertEquals(Set.copyOf(old), result.superseded());
        assertTrue(rebuilt.find(kept).isPresent());
        assertFalse(rebuilt.find(dropped).isPresent());
        assertArrayEquals(
                "kept".getBytes(StandardCharsets.UTF_8),
                repo.openBlobStore(rebuilt).get(kept));

        IndexSync.Result incremental = repo.indexSync().sync(before, known);
        assertTrue(incremental.rebuildNeeded(), "a known index file got superseded");
    }

    @Test
    void aKnownIndexFileThatIsGoneAsksForARebuild() throws Exception {
        // two prunes ran since this catalog last synced: the second's final index supersedes only the first's files,
        // so the files this catalog loaded are merely gone, not named anywhere
        Repository repo = Repository.init(
                storage, "pw".toCharArray(), TestRepositories.options(1).build());
        BlobStore blobs = repo.openBlobStore(new MemoryBlobIndex());
        blobs.put(BlobType.DATA, new byte[] {1});
        blobs.flush();
        Set<ObjectId> known = repo.indexSync().loadAll(new MemoryBlobIndex()).processed();
        ObjectId newer = repo.indexSync().write(List.of(), List.of());
        for (ObjectId id : known) {
            repo.objects().delete(ObjectKind.INDEX, id);
        }
        IndexSync.Result result = repo.indexSync().sync(new MemoryBlobIndex(), known);
        assertTrue(result.rebuildNeeded(), "a loaded index file was deleted");
        assertEquals(Set.of(newer), result.processed());
    }

    private static Set<ObjectId> union(Set<ObjectId> a, Set<ObjectId> b) {
        Set<ObjectId> u = new HashSet<>(a);
        u.addAll(b);
        return u;
    }
}
