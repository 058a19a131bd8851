package org.mailsnap.mail;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

class MessageSplitterTest {

    private static byte[] b(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }

    private static void assertSplit(String message, String header, String body) {
        MessageSplitter.SplitMessage split = MessageSplitter.split(b(message));
        assertEquals(header, new String(split.header(), StandardCharsets.ISO_8859_1), "header of " + message);
        assertEquals(body, new String(split.body(), StandardCharsets.ISO_8859_1), "body of " + message);
    }

    @Test
    void crlfAndLf() {
        assertSplit(
                "Subject: a\r\nFrom: b\r\n\r\nbody\r\n\r\nmore", "Subject: a\r\nFrom: b\r\n\r\n", "body\r\n\r\nmore");
        assertSplit("Subject: a\nFrom: b\n\nbody\n", "Subject: a\nFrom: b\n\n", "body\n");
    }

    @Test
    void whicheverEmptyLineComesFirst() {
        assertSplit("A: 1\n\r\nB: 2\r\n\r\nbody", "A: 1\n\r\n", "B: 2\r\n\r\nbody");
        assertSplit("A: 1\r\n\nbody\r\n\r\n", "A: 1\r\n\n", "body\r\n\r\n");
    }

    @Test
    void edgeCases() {
        assertSplit("", "", "");
        assertSplit("no empty line at all", "no empty line at all", "");
        assertSplit("A: 1\r\nB: 2\r\n", "A: 1\r\nB: 2\r\n", "");
        assertSplit("\r\nbody only", "\r\n", "body only");
        assertSplit("\nbody only", "\n", "body only");
        assertSplit("A: 1\r\n\r\n", "A: 1\r\n\r\n", "");
        assertSplit("A: \r1\r\r\n\r\nx", "A: \r1\r\r\n\r\n", "x");
    }

    @Test
    void headerThenBodyIsTheMessageForRandomInput() {
        long seed = System.nanoTime();
        System.out.println("MessageSplitterTest seed " + seed);
        Random random = new Random(seed);
        byte[] alphabet = b("ab:\r\n \t");
        for (int i = 0; i < 2000; i++) {
            byte[] message = new byte[random.nextInt(64)];
            for (int j = 0; j < message.length; j++) {
                message[j] = alphabet[random.nextInt(alphabet.length)];
            }
            MessageSplitter.SplitMessage split = MessageSplitter.split(message);
            ByteArrayOutputStream joined = new ByteArrayOutputStream();
            joined.writeBytes(split.header());
            joined.writeBytes(split.body());
            assertArrayEquals(message, joined.toByteArray(), "seed " + seed);
            assertEquals(split.header().length, MessageSplitter.headerLength(message));
        }
    }
}
