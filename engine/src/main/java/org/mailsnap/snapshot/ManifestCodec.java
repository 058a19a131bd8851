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
 * One manifest chunk: {@code Version(2) || Entry*}, where
 * {@code Entry := Name(name) || Guid(name, empty when it is the base) || Where(u8: 0 new, 1 cur) ||
 * Mtime(zigzag varint, ns) || Size(varint) || Header(32) || BodyIds(varint count, 32 each)}; version 1 chunks (no
 * Guid, names as UTF-8 strings) are still read. See format-spec/snapshots.md.
 */
final class ManifestCodec {
    static final int VERSION = 2;
    static final int MAX_NAME_BYTES = 1024;
    static final int MAX_BODY_CHUNKS = 1 << 20;

    private ManifestCodec() {}

    static void startChunk(Encoder out) {
        out.writeByte(VERSION);
    }

    static void writeEntry(Encoder out, Placement p) {
        out.writeName(p.name());
        out.writeName(p.guid());
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
        if (version != 1 && version != VERSION) {
            throw new DecodeException(what + ": unsupported version " + version + " (supported: 1, " + VERSION
                    + "; damaged, or written by a newer mailsnap)");
        }
        List<Placement> entries = new ArrayList<>();
        while (in.hasRemaining()) {
            String name = SafeNames.fileName(version == 1 ? in.readString(MAX_NAME_BYTES, what + " name")
                    : in.readName(MAX_NAME_BYTES, what + " name"), "message file");
            String guid = version == 1 ? "" : guid(in.readName(MAX_NAME_BYTES, what + " guid"), name, what);
            int where = in.readByte(what + " new/cur");
            if (where > 1) {
                throw new DecodeException(what + ": bad new/cur marker " + where + " for " + name);
            }
            long mtime = in.readSignedVarLong(what + " mtime");
            long size = in.readVarLong(what + " size");
            BlobId header = in.readBlobId(what + " header id");
            List<BlobId> body = in.readBlobIds(MAX_BODY_CHUNKS, what + " body ids");
            entries.add(new Placement(name, guid, where == 1, mtime, new MessageContent(header, body, size)));
        }
        return entries;
    }

    private static String guid(String guid, String name, String what) throws DecodeException {
        if (guid.indexOf('/') >= 0 || guid.indexOf('\0') >= 0 || guid.indexOf('\n') >= 0 || guid.indexOf('\r') >= 0) {
            throw new DecodeException(what + ": unsafe GUID rejected for " + SafeNames.printable(name) + ": "
                    + SafeNames.printable(guid));
        }
        return guid;
    }
}
