package org.mailsnap.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The sorted primitive table of blob locations: every row kept with its columns, an id's rows together. */
class BlobLocationTableTest {

    @Test
    void everyRowKeepsItsColumnsThroughTheSortAndAnIdsRowsAreAdjacent() {
        long seed = System.nanoTime();
        System.out.println("BlobLocationTableTest seed " + seed);
        Random random = new Random(seed);
        List<PackId> packs =
                List.of(new PackId("a".repeat(64)), new PackId("b".repeat(64)), new PackId("c".repeat(64)));
        BlobLocationTable table = BlobLocationTable.withLocations(BlobType.METADATA, new PackNumbers());
        Map<BlobId, List<Integer>> rowsOf = new HashMap<>(); // id -> the indexInPack of each of its rows
        List<BlobId> ids = new ArrayList<>();
        for (int i = 0; i < 6000; i++) { // grows past the initial capacity several times
            BlobId id = i % 5 == 4
                    ? ids.get(random.nextInt(ids.size()))
                    : RandomIds.blobId(random); // some ids in several packs
            ids.add(id);
            int pack = random.nextInt(packs.size());
            table.add(id, new BlobLocation(packs.get(pack), BlobType.METADATA, 10L * i, 100 + i, 90, i), (byte) pack);
            rowsOf.computeIfAbsent(id, x -> new ArrayList<>()).add(i);
        }
        table.seal();
        assertEquals(6000, table.size());
        for (Map.Entry<BlobId, List<Integer>> e : rowsOf.entrySet()) {
            List<Integer> seen = new ArrayList<>();
            for (int row = table.lowerBound(e.getKey()); table.holds(row, e.getKey()); row++) {
                BlobLocation at = table.location(row);
                int i = at.indexInPack();
                assertEquals(10L * i, at.offset());
                assertEquals(100 + i, at.length());
                assertEquals(table.pack(row), at.pack());
                assertEquals(packs.indexOf(at.pack()), table.tag(row));
                seen.add(i);
            }
            assertEquals(
                    e.getValue().stream().sorted().toList(),
                    seen.stream().sorted().toList());
            assertTrue(table.find(e.getKey()).isPresent());
        }
        for (int i = 0; i < 1000; i++) {
            BlobId other = RandomIds.blobId(random);
            assertEquals(-1, table.first(other));
            assertFalse(table.find(other).isPresent());
        }
    }

    @Test
    void aTableOfOneTypeRefusesAnotherAndAnIdsOnlyTableHasNoLocations() {
        List<PackId> packs = List.of(new PackId("a".repeat(64)));
        BlobLocation data = new BlobLocation(packs.get(0), BlobType.DATA, 0, 10, 10, 0);
        BlobLocationTable metadata = BlobLocationTable.withLocations(BlobType.METADATA, new PackNumbers());
        assertThrows(
                IllegalArgumentException.class, () -> metadata.add(RandomIds.blobId(new Random(1)), data, (byte) 0));
        BlobLocationTable ids = BlobLocationTable.idsOnly(new PackNumbers());
        BlobId one = RandomIds.blobId(new Random(2));
        ids.add(one, data, (byte) 0);
        ids.seal();
        assertEquals(0, ids.first(one));
        assertThrows(IllegalStateException.class, () -> ids.location(0));
    }
}
