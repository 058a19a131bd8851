package org.mailsnap.backup;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.mailsnap.chunk.GearChunker;
import org.mailsnap.mail.HeaderFields;
import org.mailsnap.mail.MessageSplitter;
import org.mailsnap.model.BlobId;
import org.mailsnap.model.BlobType;
import org.mailsnap.model.MessageContent;
import org.mailsnap.snapshot.BlobSink;

/**
 * Stores one message file as blobs, streaming, with memory bounded by a few chunk sizes whatever the message's size.
 *
 * <ol>
 *   <li>Read up to {@value #HEADER_LIMIT} bytes and find the header block's end (the first empty line). Found: the
 *       header block is one blob. Not found: the header is empty and everything is body (a split point only matters
 *       for deduplication; any split reassembles exactly).</li>
 *   <li>Cut the body with the gear chunker and store each chunk; the same body under different headers (a list
 *       mail delivered to many users) yields the same chunk ids, so it is stored once.</li>
 * </ol>
 *
 * <p>A message is read into its reading thread's buffer, and each chunk is put from where it lies there (a sink is
 * done with a range when its put returns): a message's bytes are not copied on the heap on their way to the blob
 * store. The search index's fields are taken from the header block where it lies too, before the body's bytes take
 * its place, so nothing of the block outlives the read: a copy kept for the fields lived until the mailbox was
 * recorded, and a mailbox's copies were old-generation garbage that cost about one full collection per mailbox.
 */
final class MessageStorer {
    static final int HEADER_LIMIT = 1 << 20;

    private final GearChunker chunker;
    private final BlobSink blobs;
    /** Each reading thread's buffer: a whole message below the limit, or a few chunk sizes of a larger one. */
    private final ThreadLocal<byte[]> buffers;

    MessageStorer(GearChunker chunker, BlobSink blobs) {
        this.chunker = chunker;
        this.blobs = blobs;
        int size = Math.max(HEADER_LIMIT, 2 * chunker.params().max());
        this.buffers = ThreadLocal.withInitial(() -> new byte[size]);
    }

    /** The stored message: its content and its header's fields (for the search index). */
    record Stored(MessageContent content, HeaderFields fields) {}

    /** Stores the message {@code in} reads, to its end. */
    Stored store(InputStream in) throws IOException {
        byte[] buffer = buffers.get();
        int length = in.readNBytes(buffer, 0, HEADER_LIMIT);
        boolean whole = length < HEADER_LIMIT;
        int headerLength = MessageSplitter.headerLength(buffer, length);
        if (headerLength < 0) {
            headerLength = whole ? length : 0;
        }
        BlobId headerId = blobs.put(BlobType.DATA, buffer, 0, headerLength);
        HeaderFields fields = HeaderFields.parse(buffer, headerLength);
        List<BlobId> body = new ArrayList<>();
        long size = whole
                ? cut(buffer, headerLength, length, body)
                : storeBody(buffer, headerLength, in, body); // not whole: HEADER_LIMIT bytes were read
        return new Stored(new MessageContent(headerId, body, headerLength + size), fields);
    }

    /** Cuts and stores {@code data[offset, end)}, all of the message that is left. */
    private long cut(byte[] data, int offset, int end, List<BlobId> ids) throws IOException {
        int start = offset;
        while (start < end) {
            int cut = chunker.nextCut(data, start, end - start, true);
            ids.add(blobs.put(BlobType.DATA, data, start, cut));
            start += cut;
        }
        return (long) end - offset;
    }

    /**
     * Streams the body of a message of at least {@value #HEADER_LIMIT} bytes, whose first {@value #HEADER_LIMIT}
     * are in {@code buffer} and whose body starts at {@code start}, a few chunk sizes at a time.
     */
    private long storeBody(byte[] buffer, int start, InputStream in, List<BlobId> ids) throws IOException {
        int max = chunker.params().max();
        int filled = HEADER_LIMIT;
        boolean eof = false;
        long total = 0;
        while (true) {
            if (!eof && filled - start < max) {
                System.arraycopy(buffer, start, buffer, 0, filled - start);
                filled -= start;
                start = 0;
                int n = in.readNBytes(buffer, filled, buffer.length - filled);
                filled += n;
                eof = n == 0 || filled < buffer.length;
            }
            if (start == filled) {
                return total;
            }
            int cut = chunker.nextCut(buffer, start, filled - start, eof);
            if (cut < 0) {
                continue; // the chunker needs more bytes than the buffer holds now
            }
            ids.add(blobs.put(BlobType.DATA, buffer, start, cut));
            start += cut;
            total += cut;
        }
    }
}
