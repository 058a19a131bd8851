package org.mailsnap.snapshot;

import java.io.IOException;
import org.mailsnap.model.BlobId;
import org.mailsnap.model.Placement;
import org.mailsnap.snapshot.SplitManifestCodec.ContentEntry;
import org.mailsnap.snapshot.SplitManifestCodec.IndexEntry;

/**
 * Manifest chunks one at a time, for walks that visit every blob of a repository once (prune's marking, check,
 * stats) rather than read a folder: a version 1 or 2 chunk holds its content references itself; a version 3
 * content index lists the content chunks that hold them; a version 3 placement chunk holds none (its references
 * reach content through its folder's index), so it is only decoded to check it.
 */
public final class ManifestChunks {
    private ManifestChunks() {}

    /** What one manifest chunk refers to. */
    public interface Visitor {
        /** A content chunk a version 3 index lists; true to visit it as well. */
        boolean enter(BlobId contentChunk) throws IOException;

        /**
         * Content the chunk holds: a version 1 or 2 entry, or a version 3 content entry (named by its base, with an
         * empty GUID, in {@code cur/}: the table does not know where its placements are).
         */
        void content(Placement placement) throws IOException;
    }

    /** Visits one manifest chunk: its content, and for a version 3 index each listed content chunk it enters. */
    public static void visit(BlobId chunk, BlobSource source, Visitor visitor) throws IOException {
        byte[] bytes = source.get(chunk);
        if (!SplitManifestCodec.isVersion3(bytes)) {
            for (Placement p : ManifestCodec.readChunk(bytes, chunk)) {
                visitor.content(p);
            }
            return;
        }
        switch (SplitManifestCodec.kind(bytes, chunk)) {
            case SplitManifestCodec.INDEX -> {
                for (IndexEntry e : SplitManifestCodec.readIndex(bytes, chunk)) {
                    if (visitor.enter(e.chunk())) {
                        for (ContentEntry c : ManifestDecoder.contents(e, source)) {
                            visitor.content(new Placement(c.base(), "", true, c.mtimeNanos(), c.content()));
                        }
                    }
                }
            }
            case SplitManifestCodec.CONTENTS -> {
                for (ContentEntry c : SplitManifestCodec.readContents(bytes, chunk)) {
                    visitor.content(new Placement(c.base(), "", true, c.mtimeNanos(), c.content()));
                }
            }
            default -> SplitManifestCodec.readPlacements(bytes, chunk);
        }
    }
}
