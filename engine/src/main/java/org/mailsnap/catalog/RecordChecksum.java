package org.mailsnap.catalog;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.CRC32C;

/**
 * Every value in the catalog ends in a checksum of its record, so that a flipped bit is found where it is read.
 *
 * <pre>stored value = value || CRC-32C(key || value)   (4 bytes, big-endian)</pre>
 *
 * LMDB checks nothing of what it stores, and the catalog's records mostly still decode after a bit flip: a blob id
 * with one bit changed is another valid blob id. A backup trusts the catalog for messages it has seen, so such a
 * flip would put a wrong or missing blob into every later snapshot of that folder without a word. With the key in
 * the sum, a flipped key is found too when a scan reaches it (a lookup by the right key just misses it, which costs
 * a re-read, never a wrong result). CRC-32C is a CPU instruction on current hardware: a few nanoseconds per record.
 *
 * <p>The one value without it is the meta database's format version, which every catalog version must be able to
 * read to tell an old catalog from a damaged one.
 */
final class RecordChecksum {
    static final int BYTES = 4;
    private static final int SHOWN_KEY_BYTES = 24;

    private RecordChecksum() {}

    static byte[] seal(byte[] key, byte[] value) {
        byte[] sealed = Arrays.copyOf(value, value.length + BYTES);
        ByteBuffer.wrap(sealed).putInt(value.length, crc(key, value, value.length));
        return sealed;
    }

    /**
     * The value without its checksum, or the catalog's damage when the checksum does not match. Reads
     * {@code sealed} from its position to its limit without moving either (it may be LMDB's own buffer), and copies
     * the value once.
     */
    static byte[] open(byte[] key, ByteBuffer sealed, Path catalogDirectory, String database)
            throws CatalogCorruptException {
        int at = sealed.position();
        int length = sealed.remaining() - BYTES;
        if (length >= 0) {
            byte[] value = new byte[length];
            sealed.get(at, value, 0, length);
            int stored = 0;
            for (int i = 0; i < BYTES; i++) { // big-endian whatever the buffer's order
                stored = (stored << 8) | (sealed.get(at + length + i) & 0xff);
            }
            if (crc(key, value, length) == stored) {
                return value;
            }
        }
        throw new CatalogCorruptException(
                catalogDirectory,
                "a record of " + database + " (key " + Records.hex(key, SHOWN_KEY_BYTES) + ") fails its checksum");
    }

    static String name(byte[] dbiName) {
        return dbiName == null ? "the main database" : new String(dbiName, StandardCharsets.UTF_8);
    }

    private static int crc(byte[] key, byte[] value, int length) {
        CRC32C crc = new CRC32C();
        crc.update(key);
        crc.update(value, 0, length);
        return (int) crc.getValue();
    }
}
