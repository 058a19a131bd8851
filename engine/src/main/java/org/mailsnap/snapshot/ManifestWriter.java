package org.mailsnap.snapshot;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.mailsnap.chunk.ChunkerParams;
import org.mailsnap.chunk.RecordChunker;
import org.mailsnap.codec.ByteWriter;
import org.mailsnap.model.BaseNames;
import org.mailsnap.model.BlobId;
import org.mailsnap.model.BlobType;
import org.mailsnap.model.FolderKey;
import org.mailsnap.model.Placement;
import org.mailsnap.snapshot.SplitManifestCodec.ContentEntry;
import org.mailsnap.snapshot.SplitManifestCodec.IndexEntry;
import org.mailsnap.snapshot.SplitManifestCodec.PlacementEntry;

/**
 * Writes the manifests of one mailbox's folders (version 3, format-spec/snapshots.md "Split manifest"): the
 * mailbox's content table (every distinct base and content placed in some folder, sorted, cut by base), its index,
 * and per folder the placement chunks that refer into the table. A rename changes one placement chunk; a move
 * between folders one in each; only new or vanished content changes the table. Unchanged folders produce the very
 * chunks (so blob ids) they produced before, which the blob store deduplicates.
 */
public final class ManifestWriter {
    /** A content entry: a ~45-byte base, mtime and size, a header id and usually one body id. */
    public static final int TYPICAL_CONTENT_BYTES = 128;
    /** A placement entry: two one-byte steps, new/cur, a suffix such as {@code :2,S}, an empty GUID. */
    public static final int TYPICAL_PLACEMENT_BYTES = 8;

    /** The two cut rules of a version 3 manifest, both keyed by the base. */
    public record Chunkers(RecordChunker contents, RecordChunker placements) {
        public static Chunkers of(byte[] seed) {
            return new Chunkers(
                    new RecordChunker(seed, ChunkerParams.RECORDS, TYPICAL_CONTENT_BYTES),
                    new RecordChunker(seed, ChunkerParams.PLACEMENTS, TYPICAL_PLACEMENT_BYTES));
        }
    }

    /** The content table's order: base bytes, then mtime, size, header bytes, body ids. */
    private static final Comparator<ContentEntry> TABLE_ORDER = Comparator.comparing(
                    ContentEntry::base, BaseNames.ORDER)
            .thenComparingLong(ContentEntry::mtimeNanos)
            .thenComparingLong(e -> e.content().size())
            .thenComparing(e -> e.content().header())
            .thenComparing(e -> e.content().body().toArray(BlobId[]::new), Arrays::compare);

    /** Where a content entry sits in the table: (content chunk ordinal, entry ordinal in that chunk). */
    private record Reference(int chunk, int entry) {}

    /** A distinct entry's reference until the table is written. */
    private static final Reference NOT_WRITTEN = new Reference(-1, -1);

    private final Chunkers chunkers;
    private final BaseNames bases;
    private final BlobSink sink;
    private final Map<FolderKey, Folder> folders = new TreeMap<>();
    /** The table {@link #finish} wrote; null before, or when no folder has mail. */
    private ContentTable table;

    /** A folder's placements and their content entries, in the same order (made once: each takes a substring). */
    private record Folder(List<Placement> placements, List<ContentEntry> contents) {}

    public ManifestWriter(Chunkers chunkers, BaseNames bases, BlobSink sink) {
        this.chunkers = chunkers;
        this.bases = bases;
        this.sink = sink;
    }

    /** Adds a folder of the mailbox; its placements must come in strictly increasing {@link BaseNames#ORDER}. */
    public void folder(FolderKey key, List<Placement> placements) {
        List<ContentEntry> entries = new ArrayList<>(placements.size());
        String last = null;
        for (Placement p : placements) {
            String base = bases.baseOf(p.name());
            if (last != null && BaseNames.ORDER.compare(last, base) >= 0) {
                throw new IllegalArgumentException(key + ": manifest entries out of order: " + last + " then " + base);
            }
            last = base;
            entries.add(new ContentEntry(base, p.mtimeNanos(), p.content()));
        }
        folders.put(key, new Folder(placements, entries));
    }

    /** Writes the table, its index and every folder's placements; returns each folder's manifest (empty: no mail). */
    public Map<FolderKey, List<BlobId>> finish() throws IOException {
        Map<ContentEntry, Reference> references = new HashMap<>();
        // Each folder's new entries come in base order, so the table is a few sorted runs, which the sort merges.
        List<ContentEntry> distinct = new ArrayList<>();
        for (Folder folder : folders.values()) {
            for (ContentEntry e : folder.contents()) {
                if (references.putIfAbsent(e, NOT_WRITTEN) == null) {
                    distinct.add(e);
                }
            }
        }
        Map<FolderKey, List<BlobId>> manifests = new TreeMap<>();
        table = distinct.isEmpty() ? null : writeTable(distinct, references); // no mail in any folder: no table
        BlobId index = table == null ? null : table.index();
        for (Map.Entry<FolderKey, Folder> folder : folders.entrySet()) {
            manifests.put(
                    folder.getKey(),
                    folder.getValue().placements().isEmpty()
                            ? List.of()
                            : writePlacements(index, folder.getValue(), references));
        }
        return manifests;
    }

    /** The content table {@link #finish} wrote; empty when no folder has mail (or before it). */
    public Optional<ContentTable> table() {
        return Optional.ofNullable(table);
    }

    /** Writes the content chunks and the index from the distinct entries; fills in each entry's reference. */
    private ContentTable writeTable(List<ContentEntry> distinct, Map<ContentEntry, Reference> references)
            throws IOException {
        distinct.sort(TABLE_ORDER);
        RecordChunkWriter chunks = new RecordChunkWriter(
                chunkers.contents(), sink, SplitManifestCodec.VERSION, SplitManifestCodec.CONTENTS);
        List<Integer> counts = new ArrayList<>();
        int count = 0;
        for (ContentEntry e : distinct) {
            SplitManifestCodec.writeContentEntry(chunks.buffer(), e);
            references.put(e, new Reference(counts.size(), count++));
            if (chunks.recordEnded(e.base())) {
                counts.add(count);
                count = 0;
            }
        }
        if (count > 0) {
            counts.add(count);
        }
        List<BlobId> ids = chunks.finish();
        ByteWriter index = new ByteWriter(64 + ids.size() * 40);
        SplitManifestCodec.start(index, SplitManifestCodec.INDEX);
        for (int i = 0; i < ids.size(); i++) {
            SplitManifestCodec.writeIndexEntry(index, new IndexEntry(counts.get(i), ids.get(i)));
        }
        return new ContentTable(sink.put(BlobType.METADATA, index.toByteArray()), ids);
    }

    private List<BlobId> writePlacements(BlobId index, Folder folder, Map<ContentEntry, Reference> table)
            throws IOException {
        List<Placement> placements = folder.placements();
        RecordChunkWriter chunks = new RecordChunkWriter(
                chunkers.placements(), sink, SplitManifestCodec.VERSION, SplitManifestCodec.PLACEMENTS);
        Reference previous = new Reference(0, -1);
        for (int i = 0; i < placements.size(); i++) {
            Placement p = placements.get(i);
            ContentEntry content = folder.contents().get(i);
            Reference at = table.get(content);
            PlacementEntry entry = new PlacementEntry(
                    at.chunk(),
                    at.entry(),
                    p.inCur(),
                    p.name().substring(content.base().length()),
                    p.guid().equals(content.base()) ? "" : p.guid());
            SplitManifestCodec.writePlacementEntry(chunks.buffer(), previous.chunk(), previous.entry(), entry);
            previous = chunks.recordEnded(content.base()) ? new Reference(0, -1) : at;
        }
        return Stream.concat(Stream.of(index), chunks.finish().stream()).toList();
    }
}
