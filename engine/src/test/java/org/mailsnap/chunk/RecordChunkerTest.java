package org.mailsnap.chunk;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RecordChunkerTest {
    private final RecordChunker chunker =
            new RecordChunker("seed".getBytes(StandardCharsets.UTF_8), ChunkerParams.RECORDS, 64);

    private List<Integer> cuts(List<String> keys, List<Integer> sizes) {
        List<Integer> cuts = new ArrayList<>();
        int bytes = 0;
        for (int i = 0; i < keys.size(); i++) {
            bytes += sizes.get(i);
            if (chunker.cutAfter(keys.get(i), bytes)) {
                cuts.add(i);
                bytes = 0;
            }
        }
        return cuts;
    }

    @Test
    void cutsDependOnKeysNotOnRecordSizesNearby() {
        List<String> keys = new ArrayList<>();
        List<Integer> sizes = new ArrayList<>();
        for (int i = 0; i < 5000; i++) {
            keys.add("17000" + i + ".M" + i + "P1.host,S=100");
            sizes.add(64);
        }
        List<Integer> before = cuts(keys, sizes);
        assertTrue(before.size() > 20 && before.size() < 200, "about 64 records a chunk: " + before.size());
        // A flag change makes one record a few bytes longer: later cuts must not move.
        sizes.set(2500, 70);
        List<Integer> after = cuts(keys, sizes);
        long moved = after.stream().filter(c -> !before.contains(c)).count();
        assertTrue(moved <= 1, "cuts moved: " + moved);
    }

    @Test
    void sizeLimitsHold() {
        assertFalse(chunker.cutAfter("anything", ChunkerParams.RECORDS.min() - 1));
        assertTrue(chunker.cutAfter("anything", ChunkerParams.RECORDS.max()));
    }
}
