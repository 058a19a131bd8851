package org.mailsnap.catalog;

import org.mailsnap.codec.ByteReader;
import org.mailsnap.codec.ByteWriter;
import org.mailsnap.model.MessageContent;
import org.mailsnap.model.NameBytes;

/**
 * Encodes a {@link PlacementRecord}'s value; the base is in the key ({@link LmdbKeys#placement}), so the file name is
 * stored as what follows the base (usually {@code :2,FLAGS}, often nothing):
 * <pre>
 * placement = bits:u8 mtimeNanos:i64be contentLength:varint content [guidLength:varint guid] nameSuffix:to-end
 *             -- bits: 1 = in cur/, 2 = a GUID other than the base follows the content, others zero; content as
 *                in {@link MessageContentCodec} without the mtime; names as their bytes ({@link NameBytes})
 * </pre>
 */
final class PlacementCodec {
    private static final int IN_CUR = 1;
    private static final int HAS_GUID = 2;

    private PlacementCodec() {}

    static byte[] encode(PlacementRecord p) {
        // The base ends where the name has its (ASCII) separator, so the suffix's bytes are the name's last bytes.
        byte[] suffix = NameBytes.toBytes(p.name().substring(p.base().length()));
        byte[] content = MessageContentCodec.encodeContent(p.content());
        byte[] guid = NameBytes.toBytes(p.guid());
        ByteWriter w = new ByteWriter(16 + content.length + guid.length + suffix.length)
                .u8((p.inCur() ? IN_CUR : 0) | (guid.length > 0 ? HAS_GUID : 0))
                .i64be(p.mtimeNanos())
                .lengthPrefixed(content);
        if (guid.length > 0) {
            w.lengthPrefixed(guid);
        }
        return w.bytes(suffix).toByteArray();
    }

    static PlacementRecord decode(String base, byte[] value, byte[] key) throws CatalogCorruptException {
        return Records.decode(value, "placement", key, r -> {
            int bits = r.u8("placement bits");
            if ((bits & ~(IN_CUR | HAS_GUID)) != 0) {
                throw r.corrupt("unknown placement bits " + Integer.toBinaryString(bits));
            }
            long mtime = r.i64be("mtime");
            ByteReader contentBytes = r.slice(r.count(1, "content byte"), "content");
            MessageContent content = MessageContentCodec.read(contentBytes);
            contentBytes.expectEnd("content");
            String guid = "";
            if ((bits & HAS_GUID) != 0) {
                guid = r.name(Integer.MAX_VALUE, "guid");
                if (guid.isEmpty()) {
                    throw r.corrupt("empty GUID marked present");
                }
            }
            String suffix = r.restAsName();
            return new PlacementRecord(base, base + suffix, guid, (bits & IN_CUR) != 0, mtime, content);
        });
    }
}
