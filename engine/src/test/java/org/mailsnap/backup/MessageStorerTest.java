package org.mailsnap.backup;

import static org.junit.jupiter.api.Assertions.*;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.mailsnap.chunk.ChunkerParams;
import org.mailsnap.chunk.GearChunker;
import org.mailsnap.model.BlobId;
import org.mailsnap.model.MessageContent;
import org.mailsnap.snapshot.MemoryBlobs;

class MessageStorerTest {
    private final MemoryBlobs blobs = new MemoryBlobs();
    private final MessageStorer storer =
            new MessageStorer(new GearChunker("seed".getBytes(StandardCharsets.UTF_8), ChunkerParams.BODY), blobs);

    private byte[] reassemble(MessageContent c) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(blobs.get(c.header()));
        for (BlobId id : c.body()) {
            out.writeBytes(blobs.get(id));
        }
        return out.toByteArray();
    }

    private MessageStorer.Stored roundTrip(byte[] message) throws Exception {
        MessageStorer.Stored stored = storer.store(new ByteArrayInputStream(message));
        assertArrayEquals(message, reassemble(stored.content()));
        assertEquals(message.length, stored.content().size());
        return stored;
    }

    @Test
    void splitsHeaderFromBody() throws Exception {
        byte[] msg = "Subject: hi\r\nFrom: a@b\r\n\r\nbody line\r\n".getBytes(StandardCharsets.US_ASCII);
        MessageStorer.Stored s = roundTrip(msg);
        assertEquals(
                "Subject: hi\r\nFrom: a@b\r\n\r\n",
                new String(blobs.get(s.content().header()), StandardCharsets.US_ASCII));
        assertEquals(1, s.content().body().size());
        assertEquals("hi", s.fields().subject());
        assertEquals("a@b", s.fields().from());
    }

    @Test
    void theFieldsAreTheHeadersEvenWhenTheBodyTakesTheBuffersPlace() throws Exception {
        long seed = System.nanoTime();
        System.out.println("MessageStorerTest fields seed " + seed);
        byte[] header = "Subject: the first of these\r\nFrom: a@b\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
        byte[] message = new byte[2 * MessageStorer.HEADER_LIMIT + 4_096]; // the body refills the buffer twice
        new Random(seed).nextBytes(message);
        System.arraycopy(header, 0, message, 0, header.length);
        MessageStorer.Stored s = roundTrip(message);
        assertEquals("the first of these", s.fields().subject());
        assertEquals("a@b", s.fields().from());
    }

    @Test
    void oddShapesReassembleExactly() throws Exception {
        for (String m : List.of(
                "",
                "\n",
                "\r\n",
                "no blank line at all",
                "Subject: x\n\n",
                "\n\nbody",
                "Subject: x\n\r\nmixed",
                "Subject: x\r\n\r\n\r\n")) {
            roundTrip(m.getBytes(StandardCharsets.ISO_8859_1));
        }
    }

    @Test
    void messagesReadOneAfterAnotherIntoTheThreadsBufferKeepNothingOfTheOneBefore() throws Exception {
        long seed = System.nanoTime();
        System.out.println("MessageStorerTest buffer seed " + seed);
        Random random = new Random(seed);
        byte[] header = "Subject: x\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
        byte[] medium = new byte[700_000];
        random.nextBytes(medium);
        System.arraycopy(header, 0, medium, 0, header.length);
        MessageContent first = roundTrip(medium).content();
        int[] sizes = {
            MessageStorer.HEADER_LIMIT + 300_000,
            0,
            1,
            MessageStorer.HEADER_LIMIT - 1,
            MessageStorer.HEADER_LIMIT,
            5_000,
            2 * MessageStorer.HEADER_LIMIT + 17,
            40
        };
        for (int size : sizes) {
            byte[] message = new byte[size];
            random.nextBytes(message);
            if (size >= header.length && random.nextBoolean()) {
                System.arraycopy(header, 0, message, 0, header.length);
            }
            roundTrip(message);
        }
        assertEquals(first, roundTrip(medium).content(), "the same message, read after longer ones");
    }

    @Test
    void theSameBodyUnderOtherHeadersIsStoredOnce() throws Exception {
        long seed = System.nanoTime();
        System.out.println("MessageStorerTest seed " + seed);
        byte[] body = new byte[300_000];
        new Random(seed).nextBytes(body);
        MessageContent first = null;
        for (int user = 0; user < 20; user++) {
            ByteArrayOutputStream m = new ByteArrayOutputStream();
            m.writeBytes(("Received: from mx by host for <user" + user + "@example.org>\nDelivered-To: user" + user
                            + "@example.org\nSubject: list mail\n\n")
                    .getBytes(StandardCharsets.US_ASCII));
            m.writeBytes(body);
            MessageContent c = roundTrip(m.toByteArray()).content();
            if (first == null) {
                first = c;
            } else {
                assertNotEquals(first.header(), c.header());
                assertEquals(first.body(), c.body(), "body chunks are shared");
            }
        }
        int bodyChunks = first.body().size();
        assertEquals(20 + bodyChunks, blobs.blobs.size(), "20 headers, one body");
    }

    @Test
    void hugeMessagesStreamInBoundedChunks() throws Exception {
        long seed = System.nanoTime();
        System.out.println("MessageStorerTest huge seed " + seed);
        long size = 40L * 1024 * 1024 + 3;
        Random random = new Random(seed);
        InputStream huge = new InputStream() {
            long left = size;
            final byte[] header = "Subject: big\n\n".getBytes(StandardCharsets.US_ASCII);
            int headerPos;

            @Override
            public int read() {
                byte[] one = new byte[1];
                return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
            }

            @Override
            public int read(byte[] b, int off, int len) {
                if (left == 0) {
                    return -1;
                }
                int n = (int) Math.min(len, left);
                for (int i = 0; i < n; i++) {
                    b[off + i] = headerPos < header.length ? header[headerPos++] : (byte) random.nextInt(256);
                }
                left -= n;
                return n;
            }
        };
        MessageContent c = storer.store(huge).content();
        assertEquals(size, c.size());
        long sum = blobs.get(c.header()).length;
        for (BlobId id : c.body()) {
            int n = blobs.get(id).length;
            assertTrue(n <= ChunkerParams.BODY.max());
            sum += n;
        }
        assertEquals(size, sum);
    }
}
