package org.mailsnap.model;

/**
 * A snapshot's id: the SHA-256 of its stored object, stored under {@code snapshots/<id>}. A type of its own, so that
 * a pack's or an index file's id cannot be passed for it; {@link #object()} is the same id as an object of any kind.
 *
 * @param hex the 64 hex digits
 */
public record SnapshotId(String hex) implements HexId<SnapshotId> {

    public SnapshotId {
        ObjectId.requireValid(hex, "snapshot id");
    }

    /** An id as a listing, a user or a snapshot's {@code supersedes} list names it; a clear error when it is not one. */
    public static SnapshotId parse(String hex) {
        return new SnapshotId(hex);
    }

    /** The snapshot an object id names. */
    public static SnapshotId of(ObjectId id) {
        return new SnapshotId(id.hex());
    }

    /** The hex digits, as the snapshot's file is named. */
    @Override
    public String toString() {
        return hex;
    }
}
