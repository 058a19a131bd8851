package org.mailsnap.snapshot;

import java.util.List;
import org.mailsnap.codec.DecodeException;
import org.mailsnap.codec.Encoder;
import org.mailsnap.model.BlobId;

/** One {@link FolderEntry} on its own, in the tree's encoding (the catalog keeps the last run's entry per folder). */
public final class FolderEntryCodec {
    private static final BlobId NO_BLOB = BlobId.of(new byte[BlobId.LENGTH]);

    private FolderEntryCodec() {}

    public static byte[] encode(FolderEntry entry) {
        Encoder out = new Encoder(256);
        TreeCodec.startChunk(out);
        TreeCodec.writeEntry(out, entry);
        return out.toByteArray();
    }

    public static FolderEntry decode(byte[] bytes) throws DecodeException {
        List<FolderEntry> entries = TreeCodec.readChunk(bytes, NO_BLOB);
        if (entries.size() != 1) {
            throw new DecodeException("expected one folder entry, found " + entries.size());
        }
        return entries.get(0);
    }
}
