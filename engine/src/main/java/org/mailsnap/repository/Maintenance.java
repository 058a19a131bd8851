package org.mailsnap.repository;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import javax.crypto.SecretKey;
import org.mailsnap.codec.CorruptDataException;
import org.mailsnap.crypto.Sha256;
import org.mailsnap.crypto.SubKeys;
import org.mailsnap.model.BlobId;
import org.mailsnap.model.ObjectId;
import org.mailsnap.model.PackId;
import org.mailsnap.storage.ObjectInfo;
import org.mailsnap.storage.Storage;

/**
 * What check and repair need below the blob store: the packs in {@code data/}, index files as data, pack headers
 * read with ranged reads, whole packs verified blob by blob, and index files written with a {@code supersedes}
 * list. Every read reports damage as a {@link CorruptObjectException} naming the object.
 */
public final class Maintenance {
    private static final String DATA_PREFIX = "data/";
    private final Storage storage;
    private final SubKeys keys;
    private final IndexSync indexSync;

    Maintenance(Storage storage, SubKeys keys, IndexSync indexSync) {
        this.storage = storage;
        this.keys = keys;
        this.indexSync = indexSync;
    }

    /** The pack ids in {@code data/} with their sizes; names that are not a pack's are in {@code strays}. */
    public record PackListing(Map<PackId, Long> packs, List<String> strays) {}

    public PackListing listPacks() throws IOException {
        Map<PackId, Long> packs = new LinkedHashMap<>();
        List<String> strays = new ArrayList<>();
        for (ObjectInfo info : storage.list(DATA_PREFIX)) {
            PackId pack = PackFormat.idOf(info.name());
            if (pack != null) {
                packs.put(pack, info.size());
            } else {
                strays.add(info.name());
            }
        }
        return new PackListing(packs, strays);
    }

    /** Names under a kind's directory that are not object ids (garbage an admin or a tool left there). */
    public List<String> strays(ObjectKind kind) throws IOException {
        String prefix = kind.directory() + "/";
        return storage.list(prefix).stream()
                .map(ObjectInfo::name)
                .filter(name -> !ObjectId.isValid(name.substring(prefix.length())))
                .toList();
    }

    /** The index files in {@code index/}, in listing order. */
    public List<ObjectId> indexIds() throws IOException {
        return indexSync.ids();
    }

    /** One index file, decoded and checked. */
    public IndexContent readIndex(ObjectId id) throws IOException {
        IndexFile file = indexSync.read(id);
        return new IndexContent(
                id,
                file.supersedes(),
                file.packs().stream().map(Maintenance::indexed).toList());
    }

    /** A pack's own header (three ranged reads): every blob it holds. */
    public IndexedPack readPackHeader(PackId packId) throws IOException {
        ParsedPack parsed = PackReader.parseHeader(storage, packId, keys);
        List<Integer> positions =
                IntStream.range(0, parsed.entries().size()).boxed().toList();
        return indexed(new IndexFile.PackRecord(packId, positions, parsed.entries()));
    }

    /**
     * Reads the whole pack and checks it: its name against its hash, its header against {@code listed} (what an
     * index says it holds), and every listed blob by decrypting it and re-hashing the plaintext. A listed blob is
     * read at the location the index gives, so a damaged header does not hide blobs that are still intact.
     */
    public PackVerification verifyPack(PackId packId, List<IndexedBlob> listed) throws IOException {
        byte[] pack = storage.get(PackFormat.objectName(packId));
        List<String> problems = new ArrayList<>();
        String actual = Sha256.hex(pack);
        if (!actual.equals(packId.hex())) {
            problems.add("content hash is " + actual.substring(0, 8) + "…, not its name (corrupted or truncated)");
        }
        List<PackEntry> header = null;
        SecretKey key = null;
        try {
            ParsedPack parsed = PackReader.parse(pack, packId, keys);
            header = parsed.entries();
            key = parsed.key();
        } catch (CorruptDataException e) {
            problems.add(e.problem());
            try {
                key = keys.packKey(PackReader.parsePrefix(
                        Arrays.copyOf(pack, Math.min(pack.length, PackFormat.PREFIX_LENGTH)), packId));
            } catch (CorruptDataException prefix) {
                key = null;
            }
        }
        Map<BlobId, String> damaged = new LinkedHashMap<>();
        long verified = 0;
        for (IndexedBlob blob : listed) {
            PackEntry entry = PackEntry.of(blob.id(), blob.location());
            int position = blob.location().indexInPack();
            if (header != null
                    && (position >= header.size() || !header.get(position).equals(entry))) {
                problems.add("header disagrees with the index at position " + position + " (blob "
                        + blob.id().shortHex() + "…)");
            }
            if (key == null) {
                damaged.put(blob.id(), "pack prefix unreadable");
                continue;
            }
            long end = entry.offset() + entry.length();
            if (entry.offset() < PackFormat.PREFIX_LENGTH || end > pack.length) {
                damaged.put(blob.id(), "lies beyond the pack's " + pack.length + " bytes (pack truncated?)");
                continue;
            }
            try {
                PackReader.openBlob(
                        key,
                        keys.idHasher(),
                        packId,
                        entry,
                        position,
                        Arrays.copyOfRange(pack, (int) entry.offset(), (int) end));
                verified++;
            } catch (CorruptObjectException e) {
                damaged.put(blob.id(), e.problem());
            }
        }
        return new PackVerification(packId, problems, damaged, verified);
    }

    /** Publishes an index file listing {@code packs} and superseding {@code supersedes}; returns its id. */
    public ObjectId writeIndex(List<ObjectId> supersedes, List<IndexedPack> packs) throws IOException {
        List<IndexFile.PackRecord> records = new ArrayList<>(packs.size());
        for (IndexedPack pack : packs) {
            List<Integer> positions = new ArrayList<>(pack.blobs().size());
            List<PackEntry> entries = new ArrayList<>(pack.blobs().size());
            for (IndexedBlob blob : pack.blobs()) {
                positions.add(blob.location().indexInPack());
                entries.add(PackEntry.of(blob.id(), blob.location()));
            }
            records.add(new IndexFile.PackRecord(pack.packId(), positions, entries));
        }
        return indexSync.write(supersedes, records);
    }

    private static IndexedPack indexed(IndexFile.PackRecord record) {
        return new IndexedPack(
                record.packId(),
                record.locations().stream()
                        .map(e -> new IndexedBlob(e.getKey(), e.getValue()))
                        .toList());
    }
}
