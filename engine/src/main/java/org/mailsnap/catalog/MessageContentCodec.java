package org.mailsnap.catalog;

import java.util.ArrayList;
import java.util.List;
import org.mailsnap.model.BlobId;
import org.mailsnap.model.MessageContent;

/**
 * Encodes a {@link MessageContent}:
 * <pre>
 * content = header:id32 bodyCount:varint body:id32^bodyCount size:varint
 * </pre>
 */
final class MessageContentCodec {
    private MessageContentCodec() {}

    static byte[] encode(MessageContent content) {
        ByteWriter w = new ByteWriter(BlobId.LENGTH * (1 + content.body().size()) + 12);
        w.blobId(content.header()).count(content.body().size());
        for (BlobId id : content.body()) {
            w.blobId(id);
        }
        return w.count(content.size()).toByteArray();
    }

    static MessageContent decode(byte[] value, byte[] key) throws CatalogCorruptException {
        ByteReader r = new ByteReader(value, "message content", key);
        BlobId header = r.blobId();
        int n = r.count(BlobId.LENGTH, "body chunk");
        List<BlobId> body = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            body.add(r.blobId());
        }
        long size = r.boundedVarint(Long.MAX_VALUE, "size");
        r.end();
        return new MessageContent(header, body, size);
    }
}
