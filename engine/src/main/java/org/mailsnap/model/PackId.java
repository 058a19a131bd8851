package org.mailsnap.model;

/**
 * A pack's id: the SHA-256 of its bytes, stored under {@code data/<first two hex digits>/<id>}. A type of its own, so
 * that an index file's or a snapshot's id cannot be passed for it; {@link #object()} is the same id where the format
 * names objects of any kind (an index file's {@code supersedes} list). One instance per pack record of an index file
 * is shared by all its blob locations, so a location costs a reference, as the hex String did.
 *
 * @param hex the 64 hex digits
 */
public record PackId(String hex) implements HexId<PackId> {

    public PackId {
        ObjectId.requireValid(hex, "pack id");
    }

    /** A pack id stored as its 32 bytes (index files, the catalog). */
    public static PackId of(byte[] sha256) {
        return new PackId(ObjectId.hexOf(sha256));
    }

    /** The hex digits, as the pack's file is named. */
    @Override
    public String toString() {
        return hex;
    }
}
