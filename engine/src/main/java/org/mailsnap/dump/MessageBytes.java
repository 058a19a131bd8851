package org.mailsnap.dump;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.util.List;
import org.mailsnap.model.BlobId;
import org.mailsnap.model.MessageContent;
import org.mailsnap.repository.CorruptObjectException;
import org.mailsnap.snapshot.BlobSource;

/**
 * Streams a file's blobs (a message: header block, then body chunks; a control file: its chunks), one blob in
 * memory at a time, checking that they add up to the size the snapshot records: a tar entry's length is written
 * before its bytes, so a mismatch must stop the dump rather than produce a broken archive.
 */
final class MessageBytes {
    private MessageBytes() {}

    /** The header blob, checked not to exceed the message's size. */
    static byte[] header(BlobSource blobs, MessageContent content, String what) throws IOException {
        byte[] header = fetch(blobs, content.header(), what);
        if (header.length > content.size()) {
            throw mismatch(what, content.size(), "more than");
        }
        return header;
    }

    /**
     * Writes {@code chunks}, which must bring the file from {@code written} bytes to exactly {@code size}.
     */
    static void copy(BlobSource blobs, List<BlobId> chunks, long size, long written, OutputStream out, String what)
            throws IOException {
        long total = written;
        for (BlobId id : chunks) {
            byte[] chunk = fetch(blobs, id, what);
            total += chunk.length;
            if (total > size) {
                throw mismatch(what, size, "more than");
            }
            out.write(chunk);
        }
        if (total != size) {
            throw mismatch(what, size, "fewer than");
        }
    }

    /**
     * One blob; a failure names the message or file it belongs to, not only the blob and pack, because the dump stops
     * there and the operator must know which mail stopped it.
     */
    private static byte[] fetch(BlobSource blobs, BlobId id, String what) throws IOException {
        try {
            return blobs.get(id);
        } catch (InterruptedIOException e) {
            throw e;
        } catch (IOException e) {
            throw new IOException(what + ": " + e.getMessage() + "; the dump stops here", e);
        }
    }

    private static CorruptObjectException mismatch(String what, long size, String relation) {
        return new CorruptObjectException(
                what,
                "its blobs hold " + relation + " the " + size + " bytes the snapshot records; the dump stops here");
    }
}
