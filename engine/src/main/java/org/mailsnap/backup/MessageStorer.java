package org.mailsnap.backup;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.mailsnap.chunk.GearChunker;
import org.mailsnap.mail.MessageSplitter;
import org.mailsnap.model.BlobId;
import org.mailsnap.model.BlobType;
import org.mailsnap.model.MessageContent;
import org.mailsnap.snapshot.BlobSink;

/**
 * Stores one message file as blobs, streaming, with memory bounded by a few chunk sizes whatever the message's size.
 *
 * <ol>
 *   <li>Read a prefix of up to {@value #HEADER_LIMIT} bytes and find the header block's end (the first empty line).
 *       Found: the header block is one blob. Not found: the header is empty and everything is body (a split point
 *       only matters for deduplication; any split reassembles exactly).</li>
 *   <li>Cut the body with the gear chunker and store each chunk; the same body under different headers (a list
 *       mail delivered to many users) yields the same chunk ids, so it is stored once.</li>
 * </ol>
 */
final class MessageStorer {
    static final int HEADER_LIMIT = 1 << 20;

    private final GearChunker chunker;
    private final BlobSink blobs;

    MessageStorer(GearChunker chunker, BlobSink blobs) {
        this.chunker = chunker;
        this.blobs = blobs;
    }

    /** The stored message: its content and its header block (for the search index). */
    record Stored(MessageContent content, byte[] header) {}

    /**
     * Stores a message whose file had {@code expectedSize} bytes when it was stat'ed: one array of that size (plus
     * one byte, to see the end) holds any message shorter than {@value #HEADER_LIMIT} bytes, and its body is cut
     * where it lies. A file that grew since is read on as one larger than the limit.
     */
    Stored store(InputStream in, long expectedSize) throws IOException {
        int guess = (int) Math.min(HEADER_LIMIT, Math.max(0, expectedSize) + 1);
        byte[] prefix = new byte[guess];
        int length = in.readNBytes(prefix, 0, guess);
        if (length == guess && guess < HEADER_LIMIT) {
            byte[] rest = in.readNBytes(HEADER_LIMIT - guess);
            prefix = Arrays.copyOf(prefix, guess + rest.length);
            System.arraycopy(rest, 0, prefix, guess, rest.length);
            length = prefix.length;
        }
        boolean whole = length < HEADER_LIMIT;
        int headerLength = MessageSplitter.headerLength(prefix, length);
        if (headerLength < 0) {
            headerLength = whole ? length : 0;
        }
        byte[] header = Arrays.copyOf(prefix, headerLength);
        BlobId headerId = blobs.put(BlobType.DATA, header);
        List<BlobId> body = new ArrayList<>();
        long size = whole
                ? cut(prefix, headerLength, length, body)
                : storeBody(prefix, headerLength, in, body); // not whole: the prefix is full
        return new Stored(new MessageContent(headerId, body, headerLength + size), header);
    }

    /** Cuts and stores {@code data[offset, end)}, all of the message that is left. */
    private long cut(byte[] data, int offset, int end, List<BlobId> ids) throws IOException {
        int start = offset;
        while (start < end) {
            int cut = chunker.nextCut(data, start, end - start, true);
            ids.add(blobs.put(BlobType.DATA, Arrays.copyOfRange(data, start, start + cut)));
            start += cut;
        }
        return (long) end - offset;
    }

    /** Streams the body of a message of at least {@value #HEADER_LIMIT} bytes, a few chunk sizes at a time. */
    private long storeBody(byte[] prefix, int offset, InputStream in, List<BlobId> ids) throws IOException {
        int max = chunker.params().max();
        byte[] buf = new byte[Math.max(2 * max, prefix.length - offset)];
        int filled = prefix.length - offset;
        System.arraycopy(prefix, offset, buf, 0, filled);
        boolean eof = prefix.length < HEADER_LIMIT;
        int start = 0;
        long total = 0;
        while (true) {
            if (!eof && filled - start < max) {
                System.arraycopy(buf, start, buf, 0, filled - start);
                filled -= start;
                start = 0;
                int n = in.readNBytes(buf, filled, buf.length - filled);
                filled += n;
                eof = n == 0 || filled < buf.length;
            }
            if (start == filled) {
                return total;
            }
            int cut = chunker.nextCut(buf, start, filled - start, eof);
            if (cut < 0) {
                continue; // the chunker needs more bytes than the buffer holds now
            }
            ids.add(blobs.put(BlobType.DATA, Arrays.copyOfRange(buf, start, start + cut)));
            start += cut;
            total += cut;
        }
    }
}
