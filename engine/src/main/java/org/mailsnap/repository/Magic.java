package org.mailsnap.repository;

import java.nio.charset.StandardCharsets;

/** The 8 ASCII bytes that open (and, for a pack, close) each binary object: format-spec/objects.md's one table. */
final class Magic {
    static final byte[] CONFIG = ascii("MSNAPCFG");
    static final byte[] KEY_FILE = ascii("MSNAPKEY");
    static final byte[] PACK = ascii("MSNAPPAK");
    static final byte[] PACK_TRAILER = ascii("MSNAPEND");
    static final byte[] OBJECT = ascii("MSNAPOBJ");

    private Magic() {}

    private static byte[] ascii(String magic) {
        return magic.getBytes(StandardCharsets.US_ASCII);
    }
}
