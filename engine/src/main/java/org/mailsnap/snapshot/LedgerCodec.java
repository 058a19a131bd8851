package org.mailsnap.snapshot;

import java.util.ArrayList;
import java.util.List;
import org.mailsnap.codec.ByteReader;
import org.mailsnap.codec.ByteWriter;
import org.mailsnap.codec.CorruptDataException;
import org.mailsnap.codec.Header;
import org.mailsnap.model.BlobId;
import org.mailsnap.model.FolderKey;
import org.mailsnap.model.Placement;
import org.mailsnap.repository.CorruptObjectException;

/**
 * One ledger chunk: {@code Version(1) || Gone*}, where {@code Gone := Mailbox(name) || FolderPath(name) ||
 * <a version 2 manifest entry> || LastSeen(zigzag seconds) || GoneBy(zigzag seconds)}. The entry in the middle is
 * written and checked by {@link ManifestCodec}, so a ledger entry rejects exactly what a manifest entry rejects.
 * See format-spec/snapshots.md, "The deleted-mail ledger".
 */
final class LedgerCodec {
    static final int VERSION = 1;

    private LedgerCodec() {}

    static void writeEntry(ByteWriter out, GonePlacement g) {
        out.name(g.folder().mailbox()).name(g.folder().folder());
        ManifestCodec.writeEntry(out, g.placement());
        out.zigzag(g.lastSeenSeconds()).zigzag(g.goneBySeconds());
    }

    static List<GonePlacement> readChunk(byte[] chunk, BlobId id) throws CorruptDataException {
        ByteReader in = new ByteReader(chunk, "ledger chunk " + id.shortHex(), CorruptObjectException::new);
        Header.checkVersionByte(in, "ledger chunk", VERSION, VERSION);
        List<GonePlacement> entries = new ArrayList<>();
        while (in.hasRemaining()) {
            String mailbox = SafeNames.relativePath(in.name(4096, "mailbox"), "ledger mailbox");
            String folder = SafeNames.relativePath(in.name(4096, "folder"), "ledger folder");
            Placement placement = ManifestCodec.readEntry(in, ManifestCodec.VERSION);
            long lastSeen = in.zigzag("last seen");
            long goneBy = in.zigzag("gone by");
            if (goneBy < lastSeen) {
                throw in.corrupt("gone by " + goneBy + " before last seen " + lastSeen + " for "
                        + SafeNames.printable(placement.name()));
            }
            entries.add(new GonePlacement(new FolderKey(mailbox, folder), placement, lastSeen, goneBy));
        }
        return entries;
    }
}
