package org.mailsnap.snapshot;

import java.util.ArrayList;
import java.util.List;
import org.mailsnap.codec.DecodeException;
import org.mailsnap.codec.Decoder;
import org.mailsnap.codec.Encoder;
import org.mailsnap.model.BlobId;
import org.mailsnap.model.MessageContent;
import org.mailsnap.model.Placement;

/**
 * One manifest chunk: {@code Version(1) || Entry*}, where
 * {@code Entry := Name(string) || Where(u8: 0 new, 1 cur) || Mtime(zigzag varint, ns) || Size(varint) ||
 * Header(32) || BodyIds(varint count, 32 each)}. See format-spec/snapshots.md.
 */
final class ManifestCodec {
    static final int VERSION = 1;
    static final int MAX_BODY_CHUNKS = 1 << 20;

    private ManifestCodec() {}

    static void startChunk(Encoder out) {
        out.writeByte(VERSION);
    }

    static void writeEntry(Encoder out, Placement p) {
        out.writeName(p.name());
        out.writeByte(p.inCur() ? 1 : 0);
        out.writeSignedVarLong(p.mtimeNanos());
        MessageContent c = p.content();
        out.writeVarLong(c.size());
        out.writeBlobId(c.header());
        out.writeBlobIds(c.body());
    }

    static List<Placement> readChunk(byte[] chunk, BlobId id) throws DecodeException {
        Decoder in = new Decoder(chunk);
        String what = "manifest chunk " + id.shortHex();
        int version = in.readByte(what + " version");
        if (version != VERSION) {
            throw new DecodeException(what + ": unsupported version " + version + " (supported: " + VERSION + ")");
        }
        List<Placement> entries = new ArrayList<>();
        while (in.hasRemaining()) {
            String name = SafeNames.fileName(in.readName(1024, what + " name"), "message file");
            int where = in.readByte(what + " new/cur");
            if (where > 1) {
                throw new DecodeException(what + ": bad new/cur marker " + where + " for " + name);
            }
            long mtime = in.readSignedVarLong(what + " mtime");
            long size = in.readVarLong(what + " size");
            BlobId header = in.readBlobId(what + " header id");
            List<BlobId> body = in.readBlobIds(MAX_BODY_CHUNKS, what + " body ids");
            entries.add(new Placement(name, where == 1, mtime, new MessageContent(header, body, size)));
        }
        return entries;
    }
}
