package org.mailsnap.catalog;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.mailsnap.model.BlobId;

/**
 * Encodes a {@link FolderState}:
 * <pre>
 * folder  = newDirMtime:i64be curDirMtime:i64be listedAt:i64be ids messageCount:varint
 *           controlCount:varint (name:string ids)^controlCount          -- names in ascending order, unique
 * ids     = count:varint id32^count
 * string  = length:varint utf8
 * </pre>
 */
final class FolderStateCodec {
    private FolderStateCodec() {}

    static byte[] encode(FolderState s) {
        ByteWriter w = new ByteWriter(64 + BlobId.LENGTH * s.manifest().size());
        w.fixed64(s.newDirMtimeNanos()).fixed64(s.curDirMtimeNanos()).fixed64(s.listedAtNanos());
        ids(w, s.manifest());
        w.count(s.messageCount()).count(s.controlFiles().size());
        for (Map.Entry<String, List<BlobId>> e : s.controlFiles().entrySet()) {
            w.string(e.getKey());
            ids(w, e.getValue());
        }
        return w.toByteArray();
    }

    static FolderState decode(byte[] value, byte[] key) throws CatalogCorruptException {
        ByteReader r = new ByteReader(value, "folder state", key);
        long newDir = r.fixed64();
        long curDir = r.fixed64();
        long listedAt = r.fixed64();
        List<BlobId> manifest = ids(r, "manifest chunk");
        long messageCount = r.boundedVarint(Long.MAX_VALUE, "message count");
        int controls = r.count(2, "control file");
        Map<String, List<BlobId>> controlFiles = new LinkedHashMap<>();
        String previous = null;
        for (int i = 0; i < controls; i++) {
            String name = r.string("control file name");
            if (previous != null && previous.compareTo(name) >= 0) {
                throw r.corrupt("control file names out of order: '" + previous + "' then '" + name + "'");
            }
            controlFiles.put(name, ids(r, "control file chunk"));
            previous = name;
        }
        r.end();
        return new FolderState(newDir, curDir, listedAt, manifest, messageCount, controlFiles);
    }

    private static void ids(ByteWriter w, List<BlobId> ids) {
        w.count(ids.size());
        for (BlobId id : ids) {
            w.blobId(id);
        }
    }

    private static List<BlobId> ids(ByteReader r, String field) throws CatalogCorruptException {
        int n = r.count(BlobId.LENGTH, field);
        List<BlobId> ids = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            ids.add(r.blobId());
        }
        return ids;
    }
}
