package org.mailsnap.check;

import static org.junit.jupiter.api.Assertions.*;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.mailsnap.model.BlobId;
import org.mailsnap.model.BlobLocation;
import org.mailsnap.model.BlobType;
import org.mailsnap.model.PackId;
import org.mailsnap.model.PackNumbers;
import org.mailsnap.model.RandomIds;

/** The table check keeps every blob location in: a blob in several packs, statuses, verdicts; data selection. */
class BlobTableTest {

    @Test
    void aBlobInTwoPacksIsReadableWhileOneLocationIsGood() {
        Random random = new Random(7);
        List<PackId> packs = List.of(new PackId("a".repeat(64)), new PackId("b".repeat(64)));
        BlobTable table = new BlobTable(false, new PackNumbers());
        BlobId shared = RandomIds.blobId(random);
        BlobId lost = RandomIds.blobId(random);
        BlobLocation inFirst = new BlobLocation(packs.get(0), BlobType.DATA, 42, 20, 4, 0);
        BlobLocation inSecond = new BlobLocation(packs.get(1), BlobType.DATA, 42, 20, 4, 0);
        table.add(shared, inFirst, BlobTable.PACK_MISSING);
        table.add(shared, inSecond, BlobTable.OK);
        table.add(lost, inFirst, BlobTable.PACK_MISSING);
        table.seal();
        assertTrue(table.readable(shared));
        assertFalse(table.readable(lost));
        assertTrue(table.listed(lost));

        BlobTable damaged = new BlobTable(false, new PackNumbers());
        damaged.add(shared, inFirst, BlobTable.PACK_MISSING);
        damaged.add(shared, inSecond, BlobTable.DAMAGED);
        damaged.seal();
        assertFalse(damaged.readable(shared), "both locations bad");
        Map<PackId, Byte> where = new HashMap<>();
        damaged.describeBad(shared, where);
        assertEquals(Map.of(packs.get(0), BlobTable.PACK_MISSING, packs.get(1), BlobTable.DAMAGED), where);
    }

    @Test
    void rotatingBucketsCoverEveryPackExactlyOnce() {
        Random random = new Random(11);
        for (int i = 0; i < 2000; i++) {
            byte[] b = new byte[32];
            random.nextBytes(b);
            PackId pack = PackId.of(b);
            int hits = 0;
            for (int n = 1; n <= 24; n++) {
                hits += DataSelection.parse(n + "/24", random).selects(pack) ? 1 : 0;
            }
            assertEquals(1, hits, pack.hex());
        }
        assertTrue(DataSelection.parse("1/1", random).selects(new PackId("ff".repeat(32))));
        assertTrue(DataSelection.parse("24/24", random).selects(new PackId("ff".repeat(32))));
        assertTrue(DataSelection.parse("1/24", random).selects(new PackId("00".repeat(32))));
        for (String bad : new String[] {"0/24", "25/24", "1/0", "0%", "101%", "x", "1/", "%"}) {
            assertThrows(IllegalArgumentException.class, () -> DataSelection.parse(bad, random), bad);
        }
        DataSelection share = DataSelection.parse("5%", random);
        long chosen = java.util.stream.IntStream.range(0, 10_000)
                .filter(i -> share.selects(new PackId("ab".repeat(32))))
                .count();
        assertTrue(chosen > 350 && chosen < 650, "about 5%: " + chosen);
    }
}
