package org.mailsnap.catalog;

import org.mailsnap.codec.DecodeException;
import org.mailsnap.snapshot.FolderEntry;
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
        return new ByteWriter(16 + entry.length).fixed64(s.listedAtNanos()).count(entry.length).raw(entry)
                .toByteArray();
    }

    static FolderState decode(byte[] value, byte[] key) throws CatalogCorruptException {
        ByteReader r = new ByteReader(value, "folder state", key);
        long listedAt = r.fixed64();
        int length = r.count(1, "folder entry byte");
        byte[] entryBytes = r.raw(length, "folder entry");
        r.end();
        try {
            FolderEntry entry = FolderEntryCodec.decode(entryBytes);
            return new FolderState(listedAt, entry);
        } catch (DecodeException e) {
            throw r.corrupt(e.getMessage());
        }
    }
}
