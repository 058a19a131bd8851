package org.mailsnap.model;

/**
 * What the ids of stored objects share ({@link ObjectId}, and the typed {@link PackId} and {@link SnapshotId}): 64
 * lower-case hex digits, the SHA-256 of the object's stored bytes, ordered by those digits and named in listings by
 * the first twelve. Each is its own record so that one kind cannot be passed for another; this is their one copy of
 * the operations.
 *
 * @param <T> the id's own type, so that ids compare only with ids of their kind
 */
public interface HexId<T extends HexId<T>> extends Comparable<T> {
    /** The 64 hex digits. */
    String hex();

    /** The same id as an object of any kind (an index file's supersedes list, the object store's names). */
    default ObjectId object() {
        return new ObjectId(hex());
    }

    /** The 32 bytes the hex digits spell (index files and the catalog store ids so). */
    default byte[] bytes() {
        return ObjectId.bytesOf(hex());
    }

    /** The first 12 hex digits: how listings and messages name an object. */
    default String shortId() {
        return hex().substring(0, 12);
    }

    @Override
    default int compareTo(T other) {
        return hex().compareTo(other.hex());
    }
}
