package org.mailsnap.check;

import java.util.Map;
import java.util.Optional;
import org.mailsnap.model.BlobId;
import org.mailsnap.model.BlobIndex;
import org.mailsnap.model.BlobLocation;
import org.mailsnap.model.BlobLocationTable;
import org.mailsnap.model.BlobType;
import org.mailsnap.model.PackId;
import org.mailsnap.model.PackNumbers;

/**
 * Every blob location the live index files list (and what check found of each), in a {@link BlobLocationTable}:
 * the row's byte is the location's status; a metadata table keeps whole locations, because check reads trees and
 * manifests through them, and what walking found of each tree or manifest chunk.
 *
 * <p>Build with {@link #add}, then {@link #seal()} once; lookups only after sealing. One id may have several
 * entries (several packs hold it); it is readable when one of them is {@link #OK}.
 */
final class BlobTable implements BlobIndex {
    static final byte OK = 0;
    /** The entry's pack is not in {@code data/}. */
    static final byte PACK_MISSING = 1;
    /** Reading the blob failed (MAC, id or length mismatch, pack truncated). */
    static final byte DAMAGED = 2;
    /**
     * The entry comes from the header of a pack in {@code data/} that no readable live index file lists (its index
     * is damaged, say): intact as far as check knows, and check reads trees and manifests from it, but restores and
     * backups, which go by the index, cannot reach it until {@code mailsnap repair} indexes the pack anew.
     */
    static final byte UNINDEXED = 3;

    private final boolean locations;
    private final BlobLocationTable rows;
    /** Per row of a metadata table, what walking found of a tree or manifest chunk (0 not yet, else the verdict). */
    private byte[] walk;

    /**
     * @param locations keep full locations (for metadata blobs, which check reads)
     * @param packs     the pack numbers shared by the tables of one check
     */
    BlobTable(boolean locations, PackNumbers packs) {
        this.locations = locations;
        this.rows = locations
                ? BlobLocationTable.withLocations(BlobType.METADATA, packs)
                : BlobLocationTable.idsOnly(packs);
    }

    void add(BlobId id, BlobLocation location, byte initialStatus) {
        rows.add(id, location, initialStatus);
    }

    void seal() {
        rows.seal();
        if (locations) {
            walk = new byte[rows.size()];
        }
    }

    /** The walker's verdict on a chunk, 0 when it has none yet (or the id is not listed). */
    byte walkState(BlobId id) {
        int i = rows.first(id);
        return i < 0 ? 0 : walk[i];
    }

    void setWalkState(BlobId id, byte state) {
        int i = rows.first(id);
        if (i >= 0) {
            walk[i] = state;
        }
    }

    int size() {
        return rows.size();
    }

    /** True when some index lists the blob at all. */
    boolean listed(BlobId id) {
        return rows.first(id) >= 0;
    }

    /** True when some listed location of the blob is not known to be bad. */
    boolean readable(BlobId id) {
        return anyLocation(id, OK);
    }

    /** True when a pack's header lists the blob although no readable index does ({@link #UNINDEXED}). */
    boolean unindexed(BlobId id) {
        return anyLocation(id, UNINDEXED);
    }

    /** True when some location of the blob has {@code wanted} as its status. */
    private boolean anyLocation(BlobId id, byte wanted) {
        for (int i = rows.lowerBound(id); rows.holds(i, id); i++) {
            if (rows.tag(i) == wanted) {
                return true;
            }
        }
        return false;
    }

    /** The packs where the blob is listed, and why each location is bad (for reports). */
    void describeBad(BlobId id, Map<PackId, Byte> into) {
        for (int i = rows.lowerBound(id); rows.holds(i, id); i++) {
            into.put(rows.pack(i), rows.tag(i));
        }
    }

    /** Why a listed blob has no readable location: its pack is missing or its data failed to read. */
    @Override
    public Optional<String> damageOf(BlobId id) {
        String why = null;
        for (int i = rows.lowerBound(id); rows.holds(i, id); i++) {
            if (rows.tag(i) == OK) {
                return Optional.empty();
            }
            why = switch (rows.tag(i)) {
                case PACK_MISSING -> "pack " + rows.pack(i) + " missing";
                case UNINDEXED -> "pack " + rows.pack(i) + " holds it, but no readable index lists it";
                default -> "damaged data in pack " + rows.pack(i);
            };
        }
        return Optional.ofNullable(why);
    }

    /**
     * For the blob store that reads trees and manifests: an OK location of a metadata blob, else an
     * {@link #UNINDEXED} one, so that check can still name the messages of snapshots whose index is damaged.
     */
    @Override
    public Optional<BlobLocation> find(BlobId id) {
        int unindexed = -1;
        for (int i = rows.lowerBound(id); rows.holds(i, id); i++) {
            if (rows.tag(i) == OK) {
                return Optional.of(rows.location(i));
            }
            if (rows.tag(i) == UNINDEXED && unindexed < 0) {
                unindexed = i;
            }
        }
        return unindexed < 0 ? Optional.empty() : Optional.of(rows.location(unindexed));
    }

    @Override
    public void addAll(Iterable<Map.Entry<BlobId, BlobLocation>> entries) {
        throw new UnsupportedOperationException("check never stores blobs");
    }
}
