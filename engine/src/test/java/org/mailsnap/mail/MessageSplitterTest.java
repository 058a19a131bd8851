package org.mailsnap.mail;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

class MessageSplitterTest {

    private static byte[] b(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }

    /** The whole message is header when it has no empty line. */
    private static void assertSplit(String message, String header, String body) {
        byte[] bytes = b(message);
        int found = MessageSplitter.headerLength(bytes, bytes.length);
        int length = found < 0 ? bytes.length : found;
        assertEquals(header, message.substring(0, length), "header of " + message);
        assertEquals(body, message.substring(length), "body of " + message);
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

    /** A streaming reader sees a prefix: it finds the same end as soon as the prefix holds it, else none. */
    @Test
    void aPrefixFindsTheSameEndOrNoneForRandomInput() {
        long seed = System.nanoTime();
        System.out.println("MessageSplitterTest seed " + seed);
        Random random = new Random(seed);
        byte[] alphabet = b("ab:\r\n \t");
        for (int i = 0; i < 2000; i++) {
            byte[] message = new byte[random.nextInt(64)];
            for (int j = 0; j < message.length; j++) {
                message[j] = alphabet[random.nextInt(alphabet.length)];
            }
            int whole = MessageSplitter.headerLength(message, message.length);
            for (int prefix = 0; prefix <= message.length; prefix++) {
                assertEquals(
                        whole >= 0 && whole <= prefix ? whole : -1,
                        MessageSplitter.headerLength(message, prefix),
                        "seed " + seed + ", prefix " + prefix);
            }
        }
    }
}
