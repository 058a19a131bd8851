package org.mailsnap.dump;

import static org.junit.jupiter.api.Assertions.*;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class FromQuotingTest {

    @Test
    void quotesExactlyTheLinesAReaderUnquotes() throws Exception {
        String in = "From a\n>From b\n>>From c\nFrom\nFromage\n From x\n>>>\nx From y\n>F\r\nFrom \r\n>Fr";
        String expected = ">From a\n>>From b\n>>>From c\nFrom\nFromage\n From x\n>>>\nx From y\n>F\r\n>From \r\n>Fr";
        assertEquals(expected, quote(in, in.length()));
        for (int slice = 1; slice < 5; slice++) {
            assertEquals(expected, quote(in, slice), "written in slices of " + slice);
        }
    }

    @Test
    void randomMessagesSurviveQuotingAndReading() throws Exception {
        long seed = System.nanoTime();
        System.out.println("FromQuotingTest seed " + seed);
        Random random = new Random(seed);
        String alphabet = ">>>From \n\r\nxF";
        for (int round = 0; round < 300; round++) {
            StringBuilder message = new StringBuilder();
            int length = random.nextInt(200);
            for (int i = 0; i < length; i++) {
                message.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            byte[] bytes = message.toString().getBytes(StandardCharsets.ISO_8859_1);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            FromQuoting quoting = new FromQuoting(out);
            out.write("From someone Thu Jan  1 00:00:00 1970\n".getBytes(StandardCharsets.ISO_8859_1));
            int i = 0;
            while (i < bytes.length) {
                int n = Math.min(bytes.length - i, 1 + random.nextInt(7));
                quoting.write(bytes, i, n);
                i += n;
            }
            if (!quoting.endMessage()) {
                out.write('\n');
            }
            out.write('\n');
            List<MboxReader.Message> read = MboxReader.read(out.toByteArray());
            String expected = message + (message.toString().endsWith("\n") ? "" : "\n");
            assertEquals(1, read.size(), "seed " + seed + " round " + round + ": " + message);
            assertEquals(
                    expected,
                    new String(read.get(0).bytes(), StandardCharsets.ISO_8859_1),
                    "seed " + seed + " round " + round);
        }
    }

    @Test
    void reportsWhetherTheMessageEndedWithALineFeed() throws Exception {
        FromQuoting q = new FromQuoting(new ByteArrayOutputStream());
        q.write("a\n".getBytes(StandardCharsets.US_ASCII));
        assertTrue(q.endMessage());
        q.write("a".getBytes(StandardCharsets.US_ASCII));
        assertFalse(q.endMessage());
        q.write(">Fro".getBytes(StandardCharsets.US_ASCII));
        assertFalse(q.endMessage(), "a held-back line start is written at the end");
        assertFalse(q.endMessage(), "an empty message does not end with a line feed");
    }

    private static String quote(String in, int slice) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        FromQuoting q = new FromQuoting(out);
        byte[] b = in.getBytes(StandardCharsets.ISO_8859_1);
        for (int i = 0; i < b.length; i += slice) {
            q.write(b, i, Math.min(slice, b.length - i));
        }
        q.endMessage();
        return out.toString(StandardCharsets.ISO_8859_1);
    }
}
