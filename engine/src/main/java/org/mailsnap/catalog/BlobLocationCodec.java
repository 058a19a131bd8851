package org.mailsnap.catalog;

import java.util.HexFormat;
import org.mailsnap.codec.ByteReader;
import org.mailsnap.codec.ByteWriter;
import org.mailsnap.codec.CorruptDataException;
import org.mailsnap.model.BlobLocation;
import org.mailsnap.model.BlobType;

/**
 * Encodes a {@link BlobLocation}:
 * <pre>
 * location  = packForm:u8 type:u8 pack offset:varint length:varint rawLength:varint indexInPack:varint
 * pack      = (packForm 0) byteCount:varint bytes      -- a lowercase, even-length hex id, stored as its bytes
 *           | (packForm 1) string                      -- any other pack name, UTF-8
 * </pre>
 * Pack ids are hex, so the usual form halves their size (a location is ~45 bytes for a 32-byte pack id).
 */
final class BlobLocationCodec {
    private static final int HEX_BYTES = 0;
    private static final int TEXT = 1;
    private static final HexFormat HEX = HexFormat.of();

    private BlobLocationCodec() {}

    static byte[] encode(BlobLocation location) {
        ByteWriter w = new ByteWriter(48);
        String pack = location.pack();
        if (isLowerHex(pack)) {
            w.u8(HEX_BYTES).u8(location.type().code());
            byte[] bytes = HEX.parseHex(pack);
            w.lengthPrefixed(bytes);
        } else {
            w.u8(TEXT).u8(location.type().code()).string(pack);
        }
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
        String pack = switch (form) {
            case HEX_BYTES -> HEX.formatHex(r.bytes(r.count(1, "pack id byte"), "pack id"));
            case TEXT -> r.string(Integer.MAX_VALUE, "pack name");
            default -> throw r.corrupt("unknown pack form " + form);
        };
        long offset = r.varintAtMost(Long.MAX_VALUE, "offset");
        int length = r.intAtMost(Integer.MAX_VALUE, "length");
        int rawLength = r.intAtMost(Integer.MAX_VALUE, "raw length");
        int indexInPack = r.intAtMost(Integer.MAX_VALUE, "index in pack");
        return new BlobLocation(pack, type, offset, length, rawLength, indexInPack);
    }

    private static boolean isLowerHex(String s) {
        if (s.isEmpty() || s.length() % 2 != 0) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) {
                return false;
            }
        }
        return true;
    }
}
