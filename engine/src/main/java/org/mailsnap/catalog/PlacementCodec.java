package org.mailsnap.catalog;

import org.mailsnap.model.MessageContent;
import org.mailsnap.model.NameBytes;

/**
 * Encodes a {@link PlacementRecord}'s value; the base is in the key ({@link Keys#placement}), so the file name is
 * stored as what follows the base (usually {@code :2,FLAGS}, often nothing):
 * <pre>
 * placement = bits:u8 mtimeNanos:i64be contentLength:varint content nameSuffix:name-bytes-to-end
 *             -- bits: 1 = in cur/, others zero; content as in {@link MessageContentCodec} without the mtime
 * </pre>
 */
final class PlacementCodec {
    private static final int IN_CUR = 1;

    private PlacementCodec() {}

    static byte[] encode(PlacementRecord p) {
        // The base ends where the name has its (ASCII) separator, so the suffix's bytes are the name's last bytes.
        byte[] suffix = NameBytes.toBytes(p.name().substring(p.base().length()));
        byte[] content = MessageContentCodec.encodeContent(p.content());
        return new ByteWriter(12 + content.length + suffix.length).u8(p.inCur() ? IN_CUR : 0).fixed64(p.mtimeNanos())
                .count(content.length).raw(content).raw(suffix).toByteArray();
    }

    static PlacementRecord decode(String base, byte[] value, byte[] key) throws CatalogCorruptException {
        ByteReader r = new ByteReader(value, "placement", key);
        int bits = r.u8();
        if ((bits & ~IN_CUR) != 0) {
            throw r.corrupt("unknown placement bits " + Integer.toBinaryString(bits));
        }
        long mtime = r.fixed64();
        int contentLength = r.count(1, "content byte");
        MessageContent content = MessageContentCodec.decodeContent(r.raw(contentLength, "content"), key);
        String suffix = r.restAsName();
        return new PlacementRecord(base, base + suffix, bits == IN_CUR, mtime, content);
    }
}
