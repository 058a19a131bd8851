package org.mailsnap.snapshot;

import java.util.ArrayList;
import java.util.List;
import org.mailsnap.codec.ByteReader;
import org.mailsnap.codec.ByteWriter;
import org.mailsnap.codec.CorruptDataException;
import org.mailsnap.codec.Header;
import org.mailsnap.model.BlobId;
import org.mailsnap.model.MessageContent;
import org.mailsnap.model.Placement;
import org.mailsnap.repository.CorruptObjectException;

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

    static void writeEntry(ByteWriter out, Placement p) {
        out.name(p.name());
        out.name(p.guid());
        out.u8(p.inCur() ? 1 : 0);
        out.zigzag(p.mtimeNanos());
        MessageContent c = p.content();
        out.varint(c.size());
        out.blobId(c.header());
        out.blobIds(c.body());
    }

    static List<Placement> readChunk(byte[] chunk, BlobId id) throws CorruptDataException {
        ByteReader in = new ByteReader(chunk, "manifest chunk " + id.shortHex(), CorruptObjectException::new);
        int version = Header.checkVersionByte(in, "manifest chunk", 1, VERSION);
        List<Placement> entries = new ArrayList<>();
        while (in.hasRemaining()) {
            entries.add(readEntry(in, version));
        }
        return entries;
    }

    /** One entry of a chunk of {@code version}; a ledger entry holds one too ({@link LedgerCodec}). */
    static Placement readEntry(ByteReader in, int version) throws CorruptDataException {
        String name = SafeNames.fileName(
                version == 1 ? in.string(MAX_NAME_BYTES, "name") : in.name(MAX_NAME_BYTES, "name"), "message file");
        String guid = version == 1 ? "" : guid(in, in.name(MAX_NAME_BYTES, "guid"), name);
        int where = in.u8("new/cur");
        if (where > 1) {
            throw in.corrupt("bad new/cur marker " + where + " for " + name);
        }
        long mtime = in.zigzag("mtime");
        long size = in.varint("size");
        BlobId header = in.blobId("header id");
        List<BlobId> body = in.blobIds(MAX_BODY_CHUNKS, "body ids");
        return new Placement(name, guid, where == 1, mtime, new MessageContent(header, body, size));
    }

    /** Checks a GUID read for the file {@code name} (a version 3 placement's too); returns it. */
    static String guid(ByteReader in, String guid, String name) throws CorruptDataException {
        if (guid.indexOf('/') >= 0 || guid.indexOf('\0') >= 0 || guid.indexOf('\n') >= 0 || guid.indexOf('\r') >= 0) {
            throw in.corrupt(
                    "unsafe GUID rejected for " + SafeNames.printable(name) + ": " + SafeNames.printable(guid));
        }
        return guid;
    }
}
