package org.mailsnap.repository;

import java.io.IOException;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import org.mailsnap.crypto.SubKeys;
import org.mailsnap.model.BlobId;
import org.mailsnap.model.BlobType;
import org.mailsnap.model.PackId;
import org.mailsnap.storage.Storage;

/**
 * Repack: reads an old pack whole (checking its name, header and every copied blob as any reader would), and
 * appends the wanted blobs, still compressed as they were, to new packs written like a backup writes them (read
 * back before publishing). New locations go to an {@link IndexBatchWriter} only after their pack is published.
 * Not thread-safe.
 */
public final class PackCopier {
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
        byte[] pack = storage.get(PackFormat.objectName(packId));
        ObjectStore.verifyName(PackFormat.describe(packId), pack, packId.hex());
        ParsedPack parsed = PackReader.parse(pack, packId, keys);
        int copied = 0;
        for (int i = 0; i < parsed.entries().size(); i++) {
            PackEntry entry = parsed.entries().get(i);
            if (!wanted.test(entry.id())) {
                continue;
            }
            byte[] ciphertext =
                    java.util.Arrays.copyOfRange(pack, (int) entry.offset(), (int) entry.offset() + entry.length());
            byte[] stored = PackReader.openStored(parsed.key(), keys.idHasher(), packId, entry, i, ciphertext);
            append(entry, stored);
            copied++;
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
        PackWriter writer = open.get(type);
        if (writer == null) {
            writer = new PackWriter(keys, type, options.random(), storage.spool(PackFormat.DIRECTORY));
            open.put(type, writer);
        }
        writer.add(entry.id(), stored, 0, stored.length, entry.compressed(), entry.rawLength());
        blobsCopied++;
        if (writer.size() >= options.packTargetSize()) {
            open.remove(type);
            publish(writer);
        }
    }

    private void publish(PackWriter writer) throws IOException {
        FinishedPack pack;
        try (writer) {
            pack = writer.finish();
            pack.publish();
        }
        packsWritten++;
        for (int i = 0; i < pack.entries().size(); i++) {
            PackEntry e = pack.entries().get(i);
            index.add(e.id(), e.location(pack.id(), i));
        }
        inOpen.getOrDefault(writer.type(), new HashSet<>()).clear();
    }
}
