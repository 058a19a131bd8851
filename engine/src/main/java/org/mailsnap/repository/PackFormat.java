package org.mailsnap.repository;

import org.mailsnap.crypto.Aead;
import org.mailsnap.model.ObjectId;
import org.mailsnap.model.PackId;

/**
 * Constants of a pack: {@code Magic || Version || Salt || Blob* || EncryptedHeader || HeaderLength(u32) ||
 * TrailerMagic}.
 */
final class PackFormat {
    static final int VERSION = 1;
    static final int SALT_LENGTH = 32;
    static final int PREFIX_LENGTH = 8 + 2 + SALT_LENGTH;
    static final int TRAILER_LENGTH = 4 + 8;
    static final int MIN_HEADER_LENGTH = 4 + Aead.TAG_LENGTH;
    static final int MIN_PACK_LENGTH = PREFIX_LENGTH + MIN_HEADER_LENGTH + TRAILER_LENGTH;
    static final int MAX_ENTRIES = 1 << 24;

    private PackFormat() {}

    /** Where every pack's object lives: {@code data/<first two hex digits>/<pack id>}. */
    static final String DIRECTORY = "data/";

    static String objectName(PackId pack) {
        return DIRECTORY + pack.hex().substring(0, 2) + "/" + pack.hex();
    }

    /** The pack that {@code name} (a name listed under {@code data/}) stores, or null when it is no pack's name. */
    static PackId idOf(String name) {
        String id = name.substring(name.lastIndexOf('/') + 1);
        if (!ObjectId.isValid(id)) {
            return null;
        }
        PackId pack = new PackId(id);
        return name.equals(objectName(pack)) ? pack : null;
    }

    static String describe(PackId pack) {
        return Hex.describe("pack", pack.hex());
    }

    static byte[] blobAad(PackEntry entry) {
        byte[] aad = new byte[1 + 32];
        aad[0] = (byte) entry.type().code();
        entry.id().copyTo(aad, 1);
        return aad;
    }
}
