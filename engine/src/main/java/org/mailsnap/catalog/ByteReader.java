package org.mailsnap.catalog;

import java.time.DateTimeException;
import java.time.Instant;
import java.util.HexFormat;
import org.mailsnap.model.BlobId;
import org.mailsnap.model.NameBytes;

/**
 * Reads what {@link ByteWriter} wrote, strictly: every read is bounds-checked, lengths and counts are checked against
 * the bytes left before anything is allocated, strings must be valid UTF-8, and {@link #end()} refuses trailing
 * bytes. Any violation is a {@link CatalogCorruptException} naming the record kind and its key.
 */
final class ByteReader {
    private static final int MAX_SHOWN_KEY_BYTES = 64;

    private final byte[] data;
    private final String what;
    private final byte[] key;
    private int pos;

    /**
     * @param data the encoded record
     * @param what the record kind, for error messages ("placement", "blob location", …)
     * @param key  the record's key, for error messages (may be null)
     */
    ByteReader(byte[] data, String what, byte[] key) {
        this.data = data;
        this.what = what;
        this.key = key;
    }

    int remaining() {
        return data.length - pos;
    }

    int u8() throws CatalogCorruptException {
        need(1, "a byte");
        return data[pos++] & 0xFF;
    }

    long varint() throws CatalogCorruptException {
        long result = 0;
        for (int shift = 0; shift < 64; shift += 7) {
            int b = u8();
            if (shift == 63 && (b & 0xFE) != 0) {
                throw corrupt("varint overflows 64 bits");
            }
            result |= (long) (b & 0x7F) << shift;
            if ((b & 0x80) == 0) {
                return result;
            }
        }
        throw corrupt("varint longer than 10 bytes");
    }

    long zigzag() throws CatalogCorruptException {
        long v = varint();
        return (v >>> 1) ^ -(v & 1);
    }

    /** A varint that must lie in [0, max]. */
    long boundedVarint(long max, String field) throws CatalogCorruptException {
        long v = varint();
        if (v < 0 || v > max) {
            throw corrupt(field + " " + Long.toUnsignedString(v) + " out of range [0, " + max + "]");
        }
        return v;
    }

    int intVarint(String field) throws CatalogCorruptException {
        return (int) boundedVarint(Integer.MAX_VALUE, field);
    }

    /** A count of items that each take at least {@code minItemBytes}; refuses counts the bytes left cannot hold. */
    int count(int minItemBytes, String field) throws CatalogCorruptException {
        long n = varint();
        if (n < 0 || n > remaining() / Math.max(1, minItemBytes)) {
            throw corrupt(field + " count " + Long.toUnsignedString(n) + " exceeds the " + remaining()
                    + " bytes left");
        }
        return (int) n;
    }

    int fixed32() throws CatalogCorruptException {
        need(4, "a 32-bit integer");
        int v = ((data[pos] & 0xFF) << 24) | ((data[pos + 1] & 0xFF) << 16) | ((data[pos + 2] & 0xFF) << 8)
                | (data[pos + 3] & 0xFF);
        pos += 4;
        return v;
    }

    long fixed64() throws CatalogCorruptException {
        long high = fixed32() & 0xFFFFFFFFL;
        return (high << 32) | (fixed32() & 0xFFFFFFFFL);
    }

    byte[] raw(int length, String field) throws CatalogCorruptException {
        need(length, field);
        byte[] out = new byte[length];
        System.arraycopy(data, pos, out, 0, length);
        pos += length;
        return out;
    }

    String string(String field) throws CatalogCorruptException {
        int length = count(1, field + " length");
        return utf8(length, field);
    }

    /** A name ({@link NameBytes}): any bytes, so never corrupt for its content. */
    String name(String field) throws CatalogCorruptException {
        int length = count(1, field + " length");
        need(length, field);
        String s = NameBytes.fromBytes(data, pos, length);
        pos += length;
        return s;
    }

    /** All bytes left, as a name. */
    String restAsName() {
        String s = NameBytes.fromBytes(data, pos, data.length - pos);
        pos = data.length;
        return s;
    }

    BlobId blobId() throws CatalogCorruptException {
        need(BlobId.LENGTH, "a blob id");
        BlobId id = BlobId.of(data, pos);
        pos += BlobId.LENGTH;
        return id;
    }

    Instant instant(String field) throws CatalogCorruptException {
        long seconds = zigzag();
        long nanos = boundedVarint(999_999_999L, field + " nanoseconds");
        try {
            return Instant.ofEpochSecond(seconds, nanos);
        } catch (DateTimeException e) {
            throw corrupt(field + " out of range: " + seconds + " s");
        }
    }

    /** Refuses trailing bytes: a record is exactly its encoding. */
    void end() throws CatalogCorruptException {
        if (pos != data.length) {
            throw corrupt((data.length - pos) + " unexpected trailing bytes");
        }
    }

    CatalogCorruptException corrupt(String problem) {
        StringBuilder m = new StringBuilder("corrupt ").append(what);
        if (key != null) {
            byte[] shown = key.length <= MAX_SHOWN_KEY_BYTES ? key : java.util.Arrays.copyOf(key, MAX_SHOWN_KEY_BYTES);
            m.append(" (key ").append(HexFormat.of().formatHex(shown)).append(key.length > shown.length ? "…" : "")
                    .append(')');
        }
        m.append(": ").append(problem).append(" at byte ").append(pos).append(" of ").append(data.length);
        return new CatalogCorruptException(m.toString());
    }

    private String utf8(int length, String field) throws CatalogCorruptException {
        need(length, field);
        String s = Utf8.decode(data, pos, length);
        if (s == null) {
            throw corrupt(field + " is not valid UTF-8");
        }
        pos += length;
        return s;
    }

    private void need(int n, String field) throws CatalogCorruptException {
        if (n < 0 || n > data.length - pos) {
            throw corrupt("truncated: " + field + " needs " + n + " bytes, " + (data.length - pos) + " left");
        }
    }
}
