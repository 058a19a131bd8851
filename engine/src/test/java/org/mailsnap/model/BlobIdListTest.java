package org.mailsnap.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The compact list of blob ids: the same list as the ids it was made of, read back from its one array. */
class BlobIdListTest {

    private static BlobId id(int n) {
        byte[] b = new byte[BlobId.LENGTH];
        b[0] = (byte) n;
        b[31] = (byte) (n * 7);
        return BlobId.of(b);
    }

    @Test
    void holdsTheIdsItWasMadeOfInOrderAndEqualsTheirList() {
        List<BlobId> ids = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            ids.add(id(i));
        }
        BlobIdList compact = BlobIdList.copyOf(ids);
        assertEquals(ids, compact);
        assertEquals(compact, ids);
        assertEquals(ids.hashCode(), compact.hashCode());
        assertSame(compact, BlobIdList.copyOf(compact));
        ids.set(0, id(999)); // a copy: later changes of the source do not show
        assertEquals(id(0), compact.get(0));
        assertThrows(IndexOutOfBoundsException.class, () -> compact.get(300));
        assertThrows(UnsupportedOperationException.class, () -> compact.add(id(1)));

        assertEquals(List.of(), BlobIdList.copyOf(List.of()));
    }
}
