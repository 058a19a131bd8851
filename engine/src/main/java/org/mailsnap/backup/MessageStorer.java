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

    Stored store(InputStream in) throws IOException {
        byte[] prefix = in.readNBytes(HEADER_LIMIT);
        boolean whole = prefix.length < HEADER_LIMIT;
        int headerLength = MessageSplitter.headerLength(prefix, prefix.length);
        if (headerLength < 0) {
            headerLength = whole ? prefix.length : 0;
        }
        byte[] header = Arrays.copyOf(prefix, headerLength);
        BlobId headerId = blobs.put(BlobType.DATA, header);
        List<BlobId> body = new ArrayList<>();
        long size = storeBody(prefix, headerLength, in, body);
        return new Stored(new MessageContent(headerId, body, headerLength + size), header);
    }

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
