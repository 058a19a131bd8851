package org.mailsnap.chunk;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.mailsnap.model.NameBytes;

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

    @Test
    void aKeyCutsAlikeAsTextOrAsBytesAsciiOrNot() {
        byte[] latin1 = {'m', 's', 'g', (byte) 0xe9, '1'}; // not UTF-8: an escape char in the name
        List<String> keys = List.of(
                "1700000001.M1P1.mail",
                "1700000001.M1P1.m\u00e4il",
                "\ud83d\udce7.1700000002.M2P2.mail",
                NameBytes.fromBytes(latin1, 0, latin1.length),
                "");
        for (String key : keys) {
            byte[] bytes = NameBytes.toBytes(key);
            byte[] framed = new byte[bytes.length + 4];
            System.arraycopy(bytes, 0, framed, 2, bytes.length);
            for (int chunkBytes = ChunkerParams.RECORDS.min(); chunkBytes < 9000; chunkBytes += 1000) {
                assertEquals(
                        chunker.cutAfter(key, chunkBytes),
                        chunker.cutAfter(framed, 2, 2 + bytes.length, chunkBytes),
                        key);
            }
        }
        // the ASCII fast path and the bytes path hash alike: a key whose hash cuts must cut from its bytes as well
        int cut = 0;
        for (int i = 0; i < 2000; i++) {
            String key = "1700000" + i + ".M" + i + "P1.mail";
            byte[] bytes = key.getBytes(StandardCharsets.US_ASCII);
            boolean asString = chunker.cutAfter(key, ChunkerParams.RECORDS.min());
            assertEquals(asString, chunker.cutAfter(bytes, 0, bytes.length, ChunkerParams.RECORDS.min()), key);
            cut += asString ? 1 : 0;
        }
        assertTrue(cut > 0 && cut < 2000, "some keys cut, others do not: " + cut);
    }
}
