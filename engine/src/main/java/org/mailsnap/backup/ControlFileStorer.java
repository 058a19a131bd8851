package org.mailsnap.backup;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.mailsnap.chunk.RecordChunker;
import org.mailsnap.model.BlobId;
import org.mailsnap.model.BlobType;
import org.mailsnap.snapshot.BlobSink;
import org.mailsnap.snapshot.ControlFile;

/**
 * Stores a control file cut at line ends by the record chunker, keyed by each line: Dovecot appends uidlist records,
 * so an hour of deliveries rewrites the uidlist's last chunk only. Each chunk is put from where it lies in the file's
 * bytes.
 */
final class ControlFileStorer {
    /** A uidlist record is about 60 bytes. */
    static final int TYPICAL_LINE_BYTES = 64;

    private final RecordChunker chunker;
    private final BlobSink blobs;

    ControlFileStorer(RecordChunker chunker, BlobSink blobs) {
        this.chunker = chunker;
        this.blobs = blobs;
    }

    ControlFile store(String name, long mtimeNanos, byte[] bytes) throws IOException {
        List<BlobId> chunks = new ArrayList<>();
        int start = 0;
        int lineStart = 0;
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] != '\n') {
                continue;
            }
            int line = lineStart; // the cut key is the line's bytes, without its newline
            lineStart = i + 1;
            if (chunker.cutAfter(bytes, line, i, lineStart - start)) {
                chunks.add(blobs.put(BlobType.DATA, bytes, start, lineStart - start));
                start = lineStart;
            }
        }
        if (start < bytes.length || bytes.length == 0) {
            chunks.add(blobs.put(BlobType.DATA, bytes, start, bytes.length - start));
        }
        return new ControlFile(name, mtimeNanos, bytes.length, chunks);
    }
}
