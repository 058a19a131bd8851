package org.mailsnap.snapshot;

import java.util.List;
import org.mailsnap.codec.ByteWriter;
import org.mailsnap.codec.CorruptDataException;
import org.mailsnap.model.BlobId;
import org.mailsnap.repository.CorruptObjectException;

/** One {@link FolderEntry} on its own, in the tree's encoding (the catalog keeps the last run's entry per folder). */
public final class FolderEntryCodec {
    private static final BlobId NO_BLOB = BlobId.of(new byte[BlobId.LENGTH]);

    private FolderEntryCodec() {}

    public static byte[] encode(FolderEntry entry) {
        ByteWriter out = new ByteWriter(256);
        out.u8(TreeCodec.VERSION);
        TreeCodec.writeEntry(out, entry);
        return out.toByteArray();
    }

    public static FolderEntry decode(byte[] bytes) throws CorruptDataException {
        List<FolderEntry> entries = TreeCodec.readChunk(bytes, NO_BLOB);
        if (entries.size() != 1) {
            throw new CorruptObjectException("folder entry", "expected one, found " + entries.size());
        }
        return entries.get(0);
    }
}
