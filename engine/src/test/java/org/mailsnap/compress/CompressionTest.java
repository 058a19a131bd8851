package org.mailsnap.compress;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

class CompressionTest {

    @Test
    void compressibleRoundTrips() throws Exception {
        byte[] raw = "Received: from mx1\r\n".repeat(500).getBytes(StandardCharsets.US_ASCII);
        byte[] compressed = Compression.compressIfSmaller(raw, 3);
        assertNotNull(compressed);
        assertTrue(compressed.length < raw.length / 10);
        assertArrayEquals(raw, Compression.decompress(compressed, raw.length));
    }

    @Test
    void incompressibleAndEmptyAreKeptRaw() {
        byte[] random = new byte[4096];
        new Random(1).nextBytes(random);
        assertNull(Compression.compressIfSmaller(random, 3));
        assertNull(Compression.compressIfSmaller(new byte[0], 3));
        assertNull(Compression.compressIfSmaller(new byte[] {42}, 3));
    }

    @Test
    void decompressionIsBoundedByTheRecordedLength() {
        byte[] raw = new byte[1 << 20];
        byte[] compressed = Compression.compressIfSmaller(raw, 3);
        assertNotNull(compressed);
        assertThrows(DecompressionException.class, () -> Compression.decompress(compressed, 1000));
        assertThrows(DecompressionException.class, () -> Compression.decompress(compressed, raw.length + 1));
        assertThrows(DecompressionException.class, () -> Compression.decompress(new byte[] {1, 2, 3, 4}, 10));
    }

    @Test
    void rejectsBadLevel() {
        assertThrows(IllegalArgumentException.class, () -> Compression.compressIfSmaller(new byte[10], 0));
    }
}
