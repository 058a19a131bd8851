package org.mailsnap.mailgen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class Base64NoiseTest {
    @Test
    void decodesToExactlyTheRequestedNumberOfBytesInMimeLines() {
        long seed = 99;
        System.out.println("Base64NoiseTest seed " + seed);
        Prng rnd = new Prng(seed);
        for (long raw : new long[] {1, 2, 3, 4, 56, 57, 58, 114, 115, 20_480, 1_000_003}) {
            ByteSink sink = new ByteSink(16);
            Base64Noise.write(sink, rnd, raw);
            String text = sink.toString();
            assertEquals(Base64Noise.encodedLength(raw), sink.length(), "length for " + raw);
            assertTrue(text.endsWith("\n"));
            for (String line : text.split("\n")) {
                assertTrue(line.length() <= 76 && line.length() % 4 == 0, "line of " + line.length());
            }
            // A strict decoder rejects non-zero bits before padding; the MIME decoder accepts the line breaks.
            byte[] decoded = Base64.getMimeDecoder().decode(text);
            assertEquals(raw, decoded.length);
            String canonical = Base64.getMimeEncoder(76, "\n".getBytes(StandardCharsets.US_ASCII))
                    .encodeToString(decoded);
            assertEquals(text, canonical + "\n", "re-encoding gives the same text, so the padding bits are zero");
        }
    }

    @Test
    void countsNewlinesLikeAPlainLoop() {
        Prng rnd = new Prng(5);
        ByteSink sink = new ByteSink(8);
        int expected = 0;
        for (int i = 0; i < 10_003; i++) {
            byte b = (byte) (rnd.nextInt(4) == 0 ? '\n' : rnd.nextInt(256));
            expected += b == '\n' ? 1 : 0;
            sink.put(b);
        }
        assertEquals(expected, sink.countNewlines());
    }
}
