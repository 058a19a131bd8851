package org.mailsnap.repository;

import java.util.HexFormat;

/** Hex ids and how messages name objects. */
final class Hex {
    static final HexFormat FORMAT = HexFormat.of();

    private Hex() {}

    static String of(byte[] bytes) {
        return FORMAT.formatHex(bytes);
    }

    /** {@code "pack 3f2a1b2c…"}: how errors name an object. */
    static String describe(String kind, String id) {
        return kind + " " + (id.length() > 8 ? id.substring(0, 8) + "…" : id);
    }
}
