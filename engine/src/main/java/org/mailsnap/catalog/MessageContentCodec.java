package org.mailsnap.catalog;

import java.util.ArrayList;
import java.util.List;
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
        MessageContent content = known.content();
        ByteWriter w = new ByteWriter(BlobId.LENGTH * (1 + content.body().size()) + 20);
        write(w, content);
        return w.fixed64(known.mtimeNanos()).toByteArray();
    }

    static KnownMessage decode(byte[] value, byte[] key) throws CatalogCorruptException {
        ByteReader r = new ByteReader(value, "message content", key);
        MessageContent content = read(r);
        long mtime = r.fixed64();
        r.end();
        return new KnownMessage(content, mtime);
    }

    /** The content alone, as placements embed it. */
    static byte[] encodeContent(MessageContent content) {
        ByteWriter w = new ByteWriter(BlobId.LENGTH * (1 + content.body().size()) + 12);
        write(w, content);
        return w.toByteArray();
    }

    static MessageContent decodeContent(byte[] value, byte[] key) throws CatalogCorruptException {
        ByteReader r = new ByteReader(value, "placement content", key);
        MessageContent content = read(r);
        r.end();
        return content;
    }

    private static void write(ByteWriter w, MessageContent content) {
        w.blobId(content.header()).count(content.body().size());
        for (BlobId id : content.body()) {
            w.blobId(id);
        }
        w.count(content.size());
    }

    private static MessageContent read(ByteReader r) throws CatalogCorruptException {
        BlobId header = r.blobId();
        int n = r.count(BlobId.LENGTH, "body chunk");
        List<BlobId> body = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            body.add(r.blobId());
        }
        long size = r.boundedVarint(Long.MAX_VALUE, "size");
        return new MessageContent(header, body, size);
    }
}
