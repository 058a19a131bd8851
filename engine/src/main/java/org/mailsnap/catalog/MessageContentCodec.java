package org.mailsnap.catalog;

import java.util.ArrayList;
import java.util.List;
import org.mailsnap.codec.ByteReader;
import org.mailsnap.codec.ByteWriter;
import org.mailsnap.codec.CorruptDataException;
import org.mailsnap.model.BlobId;
import org.mailsnap.model.MessageContent;

/**
 * Encodes a {@link KnownMessage}:
 * <pre>
 * content = header:id32 bodyCount:varint body:id32^bodyCount size:varint mtimeNanos:i64be
 * </pre>
 */
final class MessageContentCodec {
    private MessageContentCodec() {}

    static byte[] encode(KnownMessage known) {
        return write(known.content(), 8).i64be(known.mtimeNanos()).toByteArray();
    }

    static KnownMessage decode(byte[] value, byte[] key) throws CatalogCorruptException {
        return Records.decode(value, "message content", key, r -> new KnownMessage(read(r), r.i64be("mtime")));
    }

    /** The content alone, as placements embed it. */
    static byte[] encodeContent(MessageContent content) {
        return write(content, 0).toByteArray();
    }

    /** A writer holding {@code content}, with room for {@code more} bytes after it. */
    private static ByteWriter write(MessageContent content, int more) {
        ByteWriter w = new ByteWriter(BlobId.LENGTH * (1 + content.body().size()) + 12 + more);
        return w.blobId(content.header()).blobIds(content.body()).count(content.size());
    }

    /** The content alone, as {@link #encodeContent} wrote it. */
    static MessageContent read(ByteReader r) throws CorruptDataException {
        BlobId header = r.blobId("header id");
        int n = r.count(BlobId.LENGTH, "body chunk");
        List<BlobId> body = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            body.add(r.blobId("body chunk id"));
        }
        long size = r.varintAtMost(Long.MAX_VALUE, "size");
        return new MessageContent(header, body, size);
    }
}
