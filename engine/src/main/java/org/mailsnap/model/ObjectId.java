package org.mailsnap.model;

import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * The name of a stored object: the SHA-256 of its stored bytes, written as 64 lower-case hex digits (its file name
 * under {@code data/}, {@code index/}, {@code snapshots/} or {@code locks/}). One type for every kind, as an index
 * file's {@code supersedes} list names both index files and packs (format-spec/operations.md).
 *
 * @param hex the 64 hex digits
 */
public record ObjectId(String hex) implements Comparable<ObjectId> {
    private static final Pattern SHA256_HEX = Pattern.compile("[0-9a-f]{64}");

    public ObjectId {
        if (!isValid(hex)) {
            throw new IllegalArgumentException("object id must be 64 lower-case hex digits: " + hex);
        }
    }

    /** An id as a listing, a user or a file names it; a clear error when it is not one. */
    public static ObjectId parse(String hex) {
        return new ObjectId(hex);
    }

    /** An id stored as its 32 bytes. */
    public static ObjectId of(byte[] sha256) {
        if (sha256.length != 32) {
            throw new IllegalArgumentException("object id must be 32 bytes, got " + sha256.length);
        }
        return new ObjectId(HexFormat.of().formatHex(sha256));
    }

    /** Whether {@code name} is an object id (a listing skips names that are not). */
    public static boolean isValid(String name) {
        return name != null && SHA256_HEX.matcher(name).matches();
    }

    public byte[] bytes() {
        return HexFormat.of().parseHex(hex);
    }

    @Override
    public int compareTo(ObjectId other) {
        return hex.compareTo(other.hex);
    }

    /** The hex digits, so that messages and maps keyed by name read as before. */
    @Override
    public String toString() {
        return hex;
    }
}
