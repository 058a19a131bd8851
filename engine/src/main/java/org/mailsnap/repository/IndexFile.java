package org.mailsnap.repository;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.mailsnap.codec.ByteReader;
import org.mailsnap.codec.ByteWriter;
import org.mailsnap.codec.CorruptDataException;
import org.mailsnap.model.BlobId;
import org.mailsnap.model.BlobLocation;
import org.mailsnap.model.ObjectId;
import org.mailsnap.model.PackId;

/**
 * The payload of an index file: {@code SupersedesCount || SupersededId* || PackCount || PackRecord*}, a pack record
 * being {@code PackId || EntryCount || (Position || PackEntry)*}.
 *
 * @param supersedes ids of index files this one replaces (and, in a prune's final file, of unindexed packs)
 * @param packs      per pack, the blobs it lists
 */
record IndexFile(List<ObjectId> supersedes, List<PackRecord> packs) {

    /** The listed blobs of one pack, with their positions (which select their nonces). */
    record PackRecord(PackId packId, List<Integer> positions, List<PackEntry> entries) {
        /** Its blobs as the blob index stores them, in position order. */
        List<Map.Entry<BlobId, BlobLocation>> locations() {
            List<Map.Entry<BlobId, BlobLocation>> result = new ArrayList<>(entries.size());
            for (int i = 0; i < entries.size(); i++) {
                result.add(Map.entry(entries.get(i).id(), entries.get(i).location(packId, positions.get(i))));
            }
            return result;
        }
    }

    static final int ENTRY_LENGTH = 4 + PackEntry.ENCODED_LENGTH;

    IndexFile {
        supersedes = List.copyOf(supersedes);
        packs = List.copyOf(packs);
    }

    int entryCount() {
        return packs.stream().mapToInt(p -> p.entries().size()).sum();
    }

    /** Every listed blob as the blob index stores it. */
    List<Map.Entry<BlobId, BlobLocation>> locations() {
        List<Map.Entry<BlobId, BlobLocation>> result = new ArrayList<>(entryCount());
        packs.forEach(pack -> result.addAll(pack.locations()));
        return result;
    }

    byte[] encode() {
        ByteWriter out = new ByteWriter(8 + 32 * supersedes.size() + 36 * packs.size() + ENTRY_LENGTH * entryCount());
        out.u32(supersedes.size());
        supersedes.forEach(id -> out.bytes(id.bytes()));
        out.u32(packs.size());
        for (PackRecord pack : packs) {
            out.bytes(pack.packId().bytes()).u32(pack.entries().size());
            for (int i = 0; i < pack.entries().size(); i++) {
                out.u32(pack.positions().get(i));
                pack.entries().get(i).writeTo(out);
            }
        }
        return out.toByteArray();
    }

    static IndexFile decode(ObjectId id, byte[] payload) throws CorruptDataException {
        ByteReader in = new ByteReader(payload, ObjectKind.INDEX.describe(id), CorruptObjectException::new);
        int supersededCount = in.u32AtMost(in.remaining() / 32, "supersedes count");
        List<ObjectId> supersedes = new ArrayList<>(supersededCount);
        for (int i = 0; i < supersededCount; i++) {
            supersedes.add(ObjectId.of(in.bytes(32, "superseded id")));
        }
        int packCount = in.u32AtMost(in.remaining() / 36, "pack count");
        List<PackRecord> packs = new ArrayList<>(packCount);
        Set<PackId> seenPacks = new HashSet<>();
        for (int p = 0; p < packCount; p++) {
            PackId packId = PackId.of(in.bytes(32, "pack id"));
            if (!seenPacks.add(packId)) {
                throw in.corrupt("lists " + PackFormat.describe(packId) + " twice");
            }
            int entryCount = in.u32AtMost(in.remaining() / ENTRY_LENGTH, "entry count");
            List<Integer> positions = new ArrayList<>(entryCount);
            List<PackEntry> entries = new ArrayList<>(entryCount);
            long previous = -1;
            for (int e = 0; e < entryCount; e++) {
                int position = in.u32AtMost(PackFormat.MAX_ENTRIES - 1, "position");
                if (position <= previous) {
                    throw in.corrupt(
                            PackFormat.describe(packId) + ": positions not strictly increasing at " + position);
                }
                previous = position;
                positions.add(position);
                entries.add(PackEntry.read(in));
            }
            packs.add(new PackRecord(packId, List.copyOf(positions), List.copyOf(entries)));
        }
        in.expectEnd("the last pack record");
        return new IndexFile(supersedes, packs);
    }
}
