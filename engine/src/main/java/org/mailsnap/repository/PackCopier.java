package org.mailsnap.repository;

import java.io.IOException;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import org.mailsnap.crypto.SubKeys;
import org.mailsnap.model.BlobId;
import org.mailsnap.model.BlobType;
import org.mailsnap.model.PackId;
import org.mailsnap.storage.Storage;

/**
 * Repack: reads an old pack's header, then its wanted blobs range by range (adjacent ones together, at most
 * {@link #RANGE_BYTES} a read), checking the header and every copied blob as any reader would, and appends them,
 * still compressed as they were, to new packs written like a backup writes them (read back before publishing). The
 * old pack is never held whole: a repack holds the pack being written and one range. Its dead blobs are not read,
 * so damage confined to them does not stop the repack that drops them. New locations go to an
 * {@link IndexBatchWriter} only after their pack is published. Not thread-safe.
 */
public final class PackCopier {
    /** The most one read of an old pack asks for, unless a single blob is larger. */
    static final int RANGE_BYTES = 1 << 20;

    private final Storage storage;
    private final SubKeys keys;
    private final RepositoryOptions options;
    private final IndexBatchWriter index;
    private final Map<BlobType, PackWriter> open = new EnumMap<>(BlobType.class);
    /** Ids in the open packs: a pack must not list one id twice. */
    private final Map<BlobType, Set<BlobId>> inOpen = new EnumMap<>(BlobType.class);

    private long blobsCopied;
    private long packsWritten;

    PackCopier(Storage storage, SubKeys keys, RepositoryOptions options, IndexBatchWriter index) {
        this.storage = storage;
        this.keys = keys;
        this.options = options;
        this.index = index;
    }

    /**
     * Copies the blobs of pack {@code packId} that {@code wanted} accepts (it is asked once per blob, in pack order);
     * returns how many were copied.
     */
    public int copy(PackId packId, Predicate<BlobId> wanted) throws IOException {
        ParsedPack parsed = PackReader.parseHeader(storage, packId, keys);
        List<PackEntry> entries = parsed.entries();
        boolean[] keep = new boolean[entries.size()];
        for (int i = 0; i < keep.length; i++) {
            keep[i] = wanted.test(entries.get(i).id());
        }
        String name = PackFormat.objectName(packId);
        int copied = 0;
        for (int first = 0; first < keep.length; ) {
            if (!keep[first]) {
                first++;
                continue;
            }
            long start = entries.get(first).offset();
            long end = start + entries.get(first).length();
            int last = first;
            while (last + 1 < keep.length
                    && keep[last + 1]
                    && entries.get(last + 1).offset() == end
                    && end + entries.get(last + 1).length() - start <= RANGE_BYTES) {
                last++;
                end += entries.get(last).length();
            }
            byte[] range = storage.getRange(name, start, Math.toIntExact(end - start));
            for (int i = first; i <= last; i++) {
                PackEntry entry = entries.get(i);
                int at = (int) (entry.offset() - start);
                byte[] ciphertext = Arrays.copyOfRange(range, at, at + entry.length());
                append(entry, PackReader.openStored(parsed.key(), keys.idHasher(), packId, entry, i, ciphertext));
                copied++;
            }
            first = last + 1;
        }
        return copied;
    }

    /** Publishes the open packs and lists their blobs in the index writer. */
    public void finish() throws IOException {
        for (BlobType type : BlobType.values()) {
            PackWriter writer = open.remove(type);
            if (writer != null && writer.count() > 0) {
                publish(writer);
            }
        }
    }

    public long blobsCopied() {
        return blobsCopied;
    }

    public long packsWritten() {
        return packsWritten;
    }

    private void append(PackEntry entry, byte[] stored) throws IOException {
        BlobType type = entry.type();
        Set<BlobId> ids = inOpen.computeIfAbsent(type, t -> new HashSet<>());
        if (!ids.add(entry.id())) {
            return; // a second copy of a blob (two writers stored it): one is enough
        }
        PackWriter writer = open.computeIfAbsent(
                type,
                t -> new PackWriter(
                        keys, t, options.random(), new byte[Math.min(options.packTargetSize(), 1 << 20) + 64 * 1024]));
        writer.add(entry.id(), stored, entry.compressed(), entry.rawLength());
        blobsCopied++;
        if (writer.size() >= options.packTargetSize()) {
            open.remove(type);
            publish(writer);
        }
    }

    private void publish(PackWriter writer) throws IOException {
        FinishedPack pack = writer.finish();
        storage.put(pack.objectName(), pack.buffer(), pack.length());
        packsWritten++;
        for (int i = 0; i < pack.entries().size(); i++) {
            PackEntry e = pack.entries().get(i);
            index.add(e.id(), e.location(pack.id(), i));
        }
        inOpen.getOrDefault(writer.type(), new HashSet<>()).clear();
    }
}
