package org.mailsnap.catalog;

import org.mailsnap.codec.ByteWriter;
import org.mailsnap.model.BlobId;
import org.mailsnap.snapshot.ContentTable;

/**
 * Encodes a {@link ContentTable}; the store and mailbox are the key:
 * <pre>
 * contentTable = index:32 bytes chunkCount:varint chunk:32 bytes*
 * </pre>
 */
final class ContentTableCodec {
    private ContentTableCodec() {}

    static byte[] encode(ContentTable table) {
        return new ByteWriter(40 + BlobId.LENGTH * table.chunks().size())
                .blobId(table.index())
                .blobIds(table.chunks())
                .toByteArray();
    }

    static ContentTable decode(byte[] value, byte[] key) throws CatalogCorruptException {
        return Records.decode(
                value,
                "content table",
                key,
                r -> new ContentTable(r.blobId("content index"), r.blobIds(Integer.MAX_VALUE, "content chunk")));
    }
}
