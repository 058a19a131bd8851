package org.mailsnap.catalog;

import org.mailsnap.codec.ByteWriter;
import org.mailsnap.codec.CorruptDataException;
import org.mailsnap.snapshot.FolderEntryCodec;

/**
 * Encodes a {@link FolderState}:
 * <pre>
 * folder = listedAt:i64be entryLength:varint entry     -- entry as in format-spec/snapshots.md (a one-entry tree chunk)
 * </pre>
 */
final class FolderStateCodec {
    private FolderStateCodec() {}

    static byte[] encode(FolderState s) {
        byte[] entry = FolderEntryCodec.encode(s.entry());
        return new ByteWriter(16 + entry.length)
                .i64be(s.listedAtNanos())
                .lengthPrefixed(entry)
                .toByteArray();
    }

    static FolderState decode(byte[] value, byte[] key) throws CatalogCorruptException {
        return Records.decode(value, "folder state", key, r -> {
            long listedAt = r.i64be("listed at");
            byte[] entryBytes = r.bytes(r.count(1, "folder entry byte"), "folder entry");
            try {
                return new FolderState(listedAt, FolderEntryCodec.decode(entryBytes));
            } catch (CorruptDataException e) {
                throw r.corrupt(e.getMessage());
            }
        });
    }
}
