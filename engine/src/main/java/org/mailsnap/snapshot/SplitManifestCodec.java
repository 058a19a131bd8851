package org.mailsnap.snapshot;

import java.util.ArrayList;
import java.util.List;
import org.mailsnap.codec.ByteReader;
import org.mailsnap.codec.ByteWriter;
import org.mailsnap.codec.CorruptDataException;
import org.mailsnap.model.BlobId;
import org.mailsnap.model.MessageContent;

/**
 * The chunks of a version 3 ("split") manifest, each {@code Version(3) || Kind(u8) || ...}:
 * <ul>
 *   <li>content index (kind 0): {@code (Count(varint) || Chunk(32))*}, the mailbox's content chunks;
 *   <li>content chunk (kind 1): {@code (Base(name) || Mtime(zigzag) || Size(varint) || Header(32) || Body(ids))*};
 *   <li>placement chunk (kind 2): {@code (ChunkStep(varint) || EntryStep(varint) || Where(u8) || Suffix(name) ||
 *       Guid(name))*}, references into the content table.
 * </ul>
 * See format-spec/snapshots.md, "Split manifest".
 */
final class SplitManifestCodec {
    static final int VERSION = 3;
    static final int INDEX = 0;
    static final int CONTENTS = 1;
    static final int PLACEMENTS = 2;
    /** More entries than any chunk of at most 16 KiB plus one record can hold: a count above it is damage. */
    static final int MAX_ENTRIES_PER_CHUNK = 1 << 20;

    private SplitManifestCodec() {}

    /** One entry of a mailbox's content table: a message's base and what any placement of it holds. */
    record ContentEntry(String base, long mtimeNanos, MessageContent content) {}

    /** One decoded placement entry: its reference into the content table, and what is particular to the folder. */
    record PlacementEntry(int chunk, int entry, boolean inCur, String suffix, String guid) {}

    /** A content chunk's id and how many entries it holds. */
    record IndexEntry(int count, BlobId chunk) {}

    /** True when the chunk is a version 3 chunk (of any kind); version 1 and 2 chunks start with their version. */
    static boolean isVersion3(byte[] chunk) {
        return chunk.length > 0 && (chunk[0] & 0xff) == VERSION;
    }

    static void start(ByteWriter out, int kind) {
        out.u8(VERSION).u8(kind);
    }

    static void writeIndexEntry(ByteWriter out, IndexEntry e) {
        out.varint(e.count()).blobId(e.chunk());
    }

    static void writeContentEntry(ByteWriter out, ContentEntry e) {
        out.name(e.base());
        out.zigzag(e.mtimeNanos());
        out.varint(e.content().size());
        out.blobId(e.content().header());
        out.blobIds(e.content().body());
    }

    /** Writes a placement whose reference follows {@code (previousChunk, previousEntry)} ({@code (0, -1)} first). */
    static void writePlacementEntry(ByteWriter out, int previousChunk, int previousEntry, PlacementEntry p) {
        int chunkStep = p.chunk() - previousChunk;
        out.varint(chunkStep);
        out.varint(chunkStep == 0 ? p.entry() - previousEntry - 1 : p.entry());
        out.u8(p.inCur() ? 1 : 0);
        out.name(p.suffix());
        out.name(p.guid());
    }

    /** The chunk's kind, after checking that it is a version 3 chunk. */
    static int kind(byte[] chunk, BlobId id) throws CorruptDataException {
        ByteReader in = reader(chunk, id);
        if (!isVersion3(chunk) || chunk.length < 2) {
            throw in.corrupt("not a version 3 manifest chunk");
        }
        int kind = chunk[1] & 0xff;
        if (kind > PLACEMENTS) {
            throw in.corrupt("unknown manifest chunk kind " + kind);
        }
        return kind;
    }

    static List<IndexEntry> readIndex(byte[] chunk, BlobId id) throws CorruptDataException {
        ByteReader in = body(chunk, id, INDEX);
        List<IndexEntry> entries = new ArrayList<>();
        while (in.hasRemaining()) {
            int count = in.intAtMost(MAX_ENTRIES_PER_CHUNK, "entry count");
            if (count == 0) {
                throw in.corrupt("a content chunk of no entries");
            }
            entries.add(new IndexEntry(count, in.blobId("content chunk id")));
        }
        return entries;
    }

    static List<ContentEntry> readContents(byte[] chunk, BlobId id) throws CorruptDataException {
        ByteReader in = body(chunk, id, CONTENTS);
        List<ContentEntry> entries = new ArrayList<>();
        while (in.hasRemaining()) {
            String base = SafeNames.fileName(in.name(ManifestCodec.MAX_NAME_BYTES, "base"), "message base");
            long mtime = in.zigzag("mtime");
            long size = in.varint("size");
            BlobId header = in.blobId("header id");
            List<BlobId> body = in.blobIds(ManifestCodec.MAX_BODY_CHUNKS, "body ids");
            entries.add(new ContentEntry(base, mtime, new MessageContent(header, body, size)));
        }
        return entries;
    }

    static List<PlacementEntry> readPlacements(byte[] chunk, BlobId id) throws CorruptDataException {
        ByteReader in = body(chunk, id, PLACEMENTS);
        List<PlacementEntry> entries = new ArrayList<>();
        long c = 0;
        long e = -1;
        while (in.hasRemaining()) {
            long chunkStep = in.varint("chunk step");
            long entryStep = in.varint("entry step");
            if (chunkStep < 0 || entryStep < 0 || chunkStep >= Integer.MAX_VALUE || entryStep >= Integer.MAX_VALUE) {
                throw in.corrupt("reference out of range");
            }
            c += chunkStep;
            e = (chunkStep == 0 ? e + 1 : 0) + entryStep;
            if (c >= Integer.MAX_VALUE || e >= Integer.MAX_VALUE) {
                throw in.corrupt("reference out of range");
            }
            int where = in.u8("new/cur");
            if (where > 1) {
                throw in.corrupt("bad new/cur marker " + where);
            }
            String suffix = in.name(ManifestCodec.MAX_NAME_BYTES, "suffix");
            String guid = in.name(ManifestCodec.MAX_NAME_BYTES, "guid");
            entries.add(new PlacementEntry((int) c, (int) e, where == 1, suffix, guid));
        }
        return entries;
    }

    private static ByteReader body(byte[] chunk, BlobId id, int kind) throws CorruptDataException {
        int found = kind(chunk, id);
        ByteReader in = reader(chunk, id);
        if (found != kind) {
            throw in.corrupt("expected a manifest chunk of kind " + kind + ", found " + found);
        }
        in.u8("version");
        in.u8("kind");
        return in;
    }

    /** A reader of the manifest chunk {@code id} whose failures name it. */
    static ByteReader reader(byte[] chunk, BlobId id) {
        return new ByteReader(chunk, "manifest chunk " + id.shortHex());
    }
}
