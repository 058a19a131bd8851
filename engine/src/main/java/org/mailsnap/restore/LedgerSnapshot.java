package org.mailsnap.restore;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;
import org.mailsnap.maildir.ControlFiles;
import org.mailsnap.model.BaseNames;
import org.mailsnap.model.BlobId;
import org.mailsnap.model.FolderKey;
import org.mailsnap.model.Placement;
import org.mailsnap.snapshot.BlobSource;
import org.mailsnap.snapshot.ChunkCursor;
import org.mailsnap.snapshot.ControlFile;
import org.mailsnap.snapshot.FolderEntry;
import org.mailsnap.snapshot.GonePlacement;
import org.mailsnap.snapshot.ManifestWriter;
import org.mailsnap.snapshot.Snapshot;
import org.mailsnap.snapshot.TreeWriter;

/**
 * A store's deleted-mail ledger (format-spec/snapshots.md, records version 4) seen as a snapshot, so that
 * {@link Restorer} puts its messages back exactly as it restores any snapshot: into their folders with the name
 * (flags), mtime and bytes the last snapshot holding them had; in merge mode only what the live mailbox lacks by
 * base or GUID.
 *
 * <p>Of the entries {@code wanted} selects, one per message (mailbox and GUID) is kept, the latest to leave
 * ({@link GonePlacement#BY_DEPARTURE}: a message moved to Trash and expunged there goes back to Trash, once). Its folders are encoded as tree and manifest
 * chunks held in memory under ids no keyed hash produces ({@link #blobs()} serves them, and the repository's blobs
 * for the rest). A folder carries the {@code dovecot-keywords} of the ledger's snapshot for that folder, so keyword
 * letters translate (Dovecot adds keywords, never renumbers them); no uidlist: Dovecot gives new UIDs.
 * Memory: the selected entries (what is being restored).
 *
 * @param snapshot a snapshot whose tree lists the selected messages by folder
 * @param blobs    where the snapshot's chunks and its messages' blobs are read from
 * @param messages how many messages it holds
 */
public record LedgerSnapshot(Snapshot snapshot, BlobSource blobs, long messages) {

    /** The entries of {@code carrier}'s ledger that {@code wanted} selects, one per message, as a snapshot. */
    public static LedgerSnapshot of(Snapshot carrier, BlobSource repository, Predicate<GonePlacement> wanted)
            throws IOException {
        BaseNames bases = new BaseNames(carrier.separator());
        Map<String, GonePlacement> latest = new HashMap<>(); // mailbox NUL GUID → its latest departure
        ChunkCursor.ledger(carrier.ledger(), repository).forEachRemaining(g -> {
            if (wanted.test(g)) {
                String guid = g.placement().identity(bases.baseOf(g.placement().name()));
                latest.merge(
                        g.folder().mailbox() + '\0' + guid,
                        g,
                        (a, b) -> GonePlacement.BY_DEPARTURE.compare(b, a) > 0 ? b : a);
            }
        });
        Map<FolderKey, TreeMap<String, Placement>> folders = new TreeMap<>();
        for (GonePlacement g : latest.values()) {
            folders.computeIfAbsent(g.folder(), k -> new TreeMap<>(BaseNames.ORDER))
                    .put(bases.baseOf(g.placement().name()), g.placement());
        }
        Map<FolderKey, List<ControlFile>> keywords = new HashMap<>();
        ChunkCursor.tree(carrier.tree(), repository).forEachRemaining(f -> {
            if (folders.containsKey(f.key())) {
                keywords.put(
                        f.key(),
                        f.controlFiles().stream()
                                .filter(c -> c.name().equals(ControlFiles.KEYWORDS))
                                .toList());
            }
        });
        Map<BlobId, byte[]> chunks = new HashMap<>();
        org.mailsnap.snapshot.BlobSink memory = (type, bytes) -> {
            BlobId id = inMemoryId(chunks.size());
            chunks.put(id, bytes);
            return id;
        };
        TreeWriter tree = new TreeWriter(TreeWriter.chunker(new byte[32]), memory);
        long messages = 0;
        for (Map.Entry<FolderKey, TreeMap<String, Placement>> f : folders.entrySet()) {
            ManifestWriter manifest = new ManifestWriter(ManifestWriter.Chunkers.of(new byte[32]), bases, memory);
            List<Placement> placed = List.copyOf(f.getValue().values());
            manifest.folder(f.getKey(), placed);
            long bytes = placed.stream().mapToLong(p -> p.content().size()).sum();
            messages += placed.size();
            tree.add(new FolderEntry(
                    f.getKey(),
                    0,
                    0,
                    placed.size(),
                    bytes,
                    manifest.finish().get(f.getKey()),
                    keywords.getOrDefault(f.getKey(), List.of())));
        }
        Snapshot view = new Snapshot(
                carrier.time(),
                carrier.host(),
                carrier.store(),
                carrier.separator(),
                carrier.parent(),
                carrier.tags(),
                tree.finish(),
                carrier.stats());
        BlobSource both = id -> {
            byte[] held = chunks.get(id);
            return held != null ? held : repository.get(id);
        };
        return new LedgerSnapshot(view, both, messages);
    }

    /** The mailboxes it holds messages of. */
    public List<String> mailboxes() throws IOException {
        List<String> mailboxes = new ArrayList<>();
        ChunkCursor.tree(snapshot.tree(), blobs).forEachRemaining(f -> {
            if (mailboxes.isEmpty()
                    || !mailboxes.get(mailboxes.size() - 1).equals(f.key().mailbox())) {
                mailboxes.add(f.key().mailbox());
            }
        });
        return mailboxes;
    }

    /** An id no keyed hash gives a blob in practice: 24 bytes of 0xff, then a counter. */
    private static BlobId inMemoryId(int n) {
        ByteBuffer b = ByteBuffer.allocate(BlobId.LENGTH);
        for (int i = 0; i < BlobId.LENGTH - Long.BYTES; i++) {
            b.put((byte) 0xff);
        }
        b.putLong(n);
        return BlobId.of(b.array());
    }
}
