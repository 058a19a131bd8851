package org.mailsnap.model;

import java.util.HexFormat;

/**
 * The name of a stored object: the SHA-256 of its stored bytes, written as 64 lower-case hex digits (its file name
 * under {@code data/}, {@code index/}, {@code snapshots/} or {@code locks/}). Index files are named by it, and so is
 * every entry of an index file's {@code supersedes} list, which names both index files and packs
 * (format-spec/operations.md), and so are lock objects; packs and snapshots have types of their own ({@link PackId},
 * {@link SnapshotId}), convertible to this one where the format or the object store names objects of any kind.
 *
 * @param hex the 64 hex digits
 */
public record ObjectId(String hex) implements HexId<ObjectId> {
    private static final int HEX_LENGTH = 64;
    private static final HexFormat HEX = HexFormat.of();

    public ObjectId {
        requireValid(hex, "object id");
    }

    /** An id as a listing, a user or a file names it; a clear error when it is not one. */
    public static ObjectId parse(String hex) {
        return new ObjectId(hex);
    }

    /** An id stored as its 32 bytes. */
    public static ObjectId of(byte[] sha256) {
        return new ObjectId(hexOf(sha256));
    }

    /**
     * Whether {@code name} is an object id (a listing skips names that are not). A loop, not a pattern: every blob
     * location read from the catalog checks its pack id.
     */
    public static boolean isValid(String name) {
        if (name == null || name.length() != HEX_LENGTH) {
            return false;
        }
        for (int i = 0; i < HEX_LENGTH; i++) {
            char c = name.charAt(i);
            if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) {
                return false;
            }
        }
        return true;
    }

    /** Throws, naming {@code what} and the offending value, unless {@code hex} is an object id. */
    static void requireValid(String hex, String what) {
        if (!isValid(hex)) {
            throw new IllegalArgumentException(what + " must be 64 lower-case hex digits: " + hex);
        }
    }

    /** The hex digits of an id stored as its 32 bytes. */
    static String hexOf(byte[] sha256) {
        if (sha256.length != HEX_LENGTH / 2) {
            throw new IllegalArgumentException("object id must be 32 bytes, got " + sha256.length);
        }
        return HEX.formatHex(sha256);
    }

    /** The 32 bytes of the id whose hex digits are {@code hex}. */
    static byte[] bytesOf(String hex) {
        return HEX.parseHex(hex);
    }

    /** The hex digits, so that messages and maps keyed by name read as before. */
    @Override
    public String toString() {
        return hex;
    }
}
