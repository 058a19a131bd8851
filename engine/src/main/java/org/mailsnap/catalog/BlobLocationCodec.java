package org.mailsnap.catalog;

import org.mailsnap.codec.ByteReader;
import org.mailsnap.codec.ByteWriter;
import org.mailsnap.codec.CorruptDataException;
import org.mailsnap.model.BlobLocation;
import org.mailsnap.model.BlobType;
import org.mailsnap.model.PackId;

/**
 * Encodes a {@link BlobLocation}:
 * <pre>
 * location  = packForm:u8 type:u8 pack offset:varint length:varint rawLength:varint indexInPack:varint
 * pack      = (packForm 0) byteCount:varint bytes      -- the pack id's 32 bytes (byteCount 32)
 *           | (packForm 1) string                      -- a pack name as text: never written, as every pack is
 *                                                         named by its id; read as damage
 * </pre>
 * Storing the id's bytes, not its hex, halves its size (a location is ~45 bytes).
 */
final class BlobLocationCodec {
    private static final int ID_BYTES = 0;
    private static final int TEXT = 1;
    private static final int PACK_ID_LENGTH = 32;

    private BlobLocationCodec() {}

    static byte[] encode(BlobLocation location) {
        ByteWriter w = new ByteWriter(48);
        w.u8(ID_BYTES).u8(location.type().code()).lengthPrefixed(location.pack().bytes());
        return w.count(location.offset())
                .count(location.length())
                .count(location.rawLength())
                .count(location.indexInPack())
                .toByteArray();
    }

    static BlobLocation decode(byte[] value, byte[] key) throws CatalogCorruptException {
        return Records.decode(value, "blob location", key, BlobLocationCodec::read);
    }

    private static BlobLocation read(ByteReader r) throws CorruptDataException {
        int form = r.u8("pack form");
        int typeCode = r.u8("blob type");
        BlobType type;
        try {
            type = BlobType.ofCode(typeCode);
        } catch (IllegalArgumentException e) {
            throw r.corrupt("unknown blob type " + typeCode);
        }
        if (form == TEXT) {
            throw r.corrupt("a pack named by text, not by its id");
        }
        if (form != ID_BYTES) {
            throw r.corrupt("unknown pack form " + form);
        }
        int idLength = r.count(1, "pack id byte");
        if (idLength != PACK_ID_LENGTH) {
            throw r.corrupt("pack id of " + idLength + " bytes, not " + PACK_ID_LENGTH);
        }
        PackId pack = PackId.of(r.bytes(PACK_ID_LENGTH, "pack id"));
        long offset = r.varintAtMost(Long.MAX_VALUE, "offset");
        int length = r.intAtMost(Integer.MAX_VALUE, "length");
        int rawLength = r.intAtMost(Integer.MAX_VALUE, "raw length");
        int indexInPack = r.intAtMost(Integer.MAX_VALUE, "index in pack");
        return new BlobLocation(pack, type, offset, length, rawLength, indexInPack);
    }
}
