package org.mailsnap.catalog;

import java.util.Arrays;
import java.util.HexFormat;
import org.mailsnap.codec.ByteReader;
import org.mailsnap.codec.CorruptDataException;

/**
 * Decodes the catalog's records with the shared {@link ByteReader}. A record that does not decode is damage to the
 * local catalog, reported as {@link CatalogCorruptException} naming the record kind and its key:
 * {@code corrupt placement (key 0a0b…): unknown placement bits 100 at byte 1 of 30}.
 */
final class Records {
    private static final int MAX_SHOWN_KEY_BYTES = 64;

    private Records() {}

    /** Reads a record's fields from a reader over the whole value. */
    @FunctionalInterface
    interface Body<T> {
        T read(ByteReader r) throws CorruptDataException;
    }

    /**
     * Decodes {@code value}, which must be exactly its encoding (no trailing bytes).
     *
     * @param what the record kind, for messages ("placement", "blob location", …)
     * @param key  the record's key, for messages (may be null)
     */
    static <T> T decode(byte[] value, String what, byte[] key, Body<T> body) throws CatalogCorruptException {
        // The key's hex is built only for a failure: a run decodes a record per message it knows (a million placements
        // in a churned hour at 1 M messages), and building it for each was 8 % of what that hour allocated.
        ByteReader r = new ByteReader(
                value, what, (resource, problem) -> new CorruptDataException(describe(what, key), problem));
        try {
            T record = body.read(r);
            r.expectEnd(what);
            return record;
        } catch (CorruptDataException e) {
            throw new CatalogCorruptException("corrupt " + e.getMessage(), e);
        }
    }

    /** Damage found in a key or value outside {@link #decode}. */
    static CatalogCorruptException corrupt(String what, byte[] key, String problem) {
        return new CatalogCorruptException("corrupt " + describe(what, key) + ": " + problem);
    }

    private static String describe(String what, byte[] key) {
        return key == null ? what : what + " (key " + hex(key, MAX_SHOWN_KEY_BYTES) + ")";
    }

    /** {@code key} in hex, its first {@code maxBytes} bytes and "…" when it is longer. */
    static String hex(byte[] key, int maxBytes) {
        byte[] shown = key.length <= maxBytes ? key : Arrays.copyOf(key, maxBytes);
        return HexFormat.of().formatHex(shown) + (key.length > shown.length ? "…" : "");
    }
}
