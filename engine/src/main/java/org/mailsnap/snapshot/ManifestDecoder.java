package org.mailsnap.snapshot;

import static org.mailsnap.snapshot.SplitManifestCodec.reader;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.mailsnap.codec.ByteReader;
import org.mailsnap.model.BlobId;
import org.mailsnap.model.Placement;
import org.mailsnap.snapshot.SplitManifestCodec.ContentEntry;
import org.mailsnap.snapshot.SplitManifestCodec.IndexEntry;
import org.mailsnap.snapshot.SplitManifestCodec.PlacementEntry;

/**
 * Decodes one folder's manifest chunk by chunk, in order, for a {@link ChunkCursor}: chunks of version 1 or 2 on
 * their own ({@link ManifestCodec}); a version 3 manifest's content index first (it yields no placement), then its
 * placement chunks, each entry resolved against the content table the index lists. The table is read one content
 * chunk at a time as the references (which strictly increase within a folder) reach it, so memory holds one
 * placement chunk and one content chunk.
 */
final class ManifestDecoder implements ChunkCursor.ChunkDecoder<Placement> {
    private final int chunks;
    private final BlobSource source;
    private int decoded;
    /** The content index of a version 3 manifest, once read; null for a manifest of version 1 or 2. */
    private List<IndexEntry> index;

    private int loadedChunk = -1;
    private List<ContentEntry> loaded;

    /** @param chunks how many chunks the folder's manifest lists (an index must be followed by placements) */
    ManifestDecoder(int chunks, BlobSource source) {
        this.chunks = chunks;
        this.source = source;
    }

    @Override
    public List<Placement> decode(byte[] chunk, BlobId id) throws IOException {
        boolean first = decoded++ == 0;
        boolean version3 = SplitManifestCodec.isVersion3(chunk);
        if (first && version3) {
            if (SplitManifestCodec.kind(chunk, id) != SplitManifestCodec.INDEX) {
                throw reader(chunk, id).corrupt("a version 3 manifest that does not start with its content index");
            }
            if (chunks < 2) {
                throw reader(chunk, id).corrupt("a content index with no placement chunk after it");
            }
            index = SplitManifestCodec.readIndex(chunk, id);
            return List.of();
        }
        if (index == null) {
            if (version3) {
                throw reader(chunk, id).corrupt("a version 3 chunk among version 1 or 2 chunks");
            }
            return ManifestCodec.readChunk(chunk, id);
        }
        if (!version3) {
            throw reader(chunk, id).corrupt("a version 1 or 2 chunk in a version 3 manifest");
        }
        List<Placement> placements = new ArrayList<>();
        ByteReader where = reader(chunk, id); // names the chunk in what a bad entry throws
        for (PlacementEntry p : SplitManifestCodec.readPlacements(chunk, id)) {
            ContentEntry c = content(p.chunk(), p.entry(), where);
            String name = SafeNames.fileName(c.base() + p.suffix(), "message file");
            String guid = ManifestCodec.guid(where, p.guid().equals(c.base()) ? "" : p.guid(), name);
            placements.add(new Placement(name, guid, p.inCur(), c.mtimeNanos(), c.content()));
        }
        return placements;
    }

    /** An entry of the mailbox's content table, whose chunks are read one at a time as placements refer to them. */
    private ContentEntry content(int chunk, int entry, ByteReader referring) throws IOException {
        if (chunk >= index.size() || entry >= index.get(chunk).count()) {
            throw referring.corrupt("reference (" + chunk + ", " + entry + ") lies outside the content table");
        }
        if (chunk != loadedChunk) {
            loaded = contents(index.get(chunk), source);
            loadedChunk = chunk;
        }
        return loaded.get(entry);
    }

    /** The entries of the content chunk an index entry lists, checked against the index's count. */
    static List<ContentEntry> contents(IndexEntry e, BlobSource source) throws IOException {
        byte[] bytes = source.get(e.chunk());
        List<ContentEntry> entries = SplitManifestCodec.readContents(bytes, e.chunk());
        if (entries.size() != e.count()) {
            throw reader(bytes, e.chunk()).corrupt("holds " + entries.size() + " entries, its index says " + e.count());
        }
        return entries;
    }
}
