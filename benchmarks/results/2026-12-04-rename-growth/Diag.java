import java.nio.file.*;
import java.util.*;
import org.mailsnap.catalog.Catalog;
import org.mailsnap.model.*;
import org.mailsnap.repository.*;
import org.mailsnap.snapshot.*;
import org.mailsnap.storage.LocalStorage;

/** Diag REPO CATALOG: new metadata blobs of the latest snapshot vs the one before, by kind: count, raw, stored. */
public class Diag {
    public static void main(String[] a) throws Exception {
        Repository repo = Repository.open(new LocalStorage(Path.of(a[0])), "bench".toCharArray());
        Catalog cat = Catalog.open(Path.of(a[1]), repo.config().repositoryId());
        BlobStore blobs = repo.openBlobStore(cat.blobs());
        List<Snapshot> snaps = new ArrayList<>();
        for (String id : repo.objects().list(ObjectKind.SNAPSHOT)) snaps.add(SnapshotCodec.decode(repo.objects().load(ObjectKind.SNAPSHOT, id), id));
        snaps.sort(Comparator.comparing(Snapshot::time));
        Map<BlobId, String> prev = walk(snaps.get(snaps.size() - 2 - Integer.parseInt(a[2])), blobs), last = walk(snaps.get(snaps.size() - 1 - Integer.parseInt(a[2])), blobs);
        Map<String, long[]> by = new TreeMap<>();
        for (var e : last.entrySet()) {
            if (prev.containsKey(e.getKey())) continue;
            BlobLocation l = cat.blobs().find(e.getKey()).orElseThrow();
            long[] t = by.computeIfAbsent(e.getValue(), k -> new long[3]);
            t[0]++; t[1] += l.rawLength(); t[2] += l.length();
        }
        by.forEach((k, t) -> System.out.println(k + ": " + t[0] + " blobs, raw " + t[1] + ", stored " + t[2]));
        long[] all = new long[3];
        for (var e : last.entrySet()) { BlobLocation l = cat.blobs().find(e.getKey()).orElseThrow(); all[0]++; all[1]+=l.rawLength(); all[2]+=l.length(); }
        System.out.println("all metadata of the latest snapshot: " + all[0] + " blobs, raw " + all[1] + ", stored " + all[2]);
        System.exit(0);
    }
    static Map<BlobId, String> walk(Snapshot s, BlobStore blobs) throws Exception {
        Map<BlobId, String> m = new HashMap<>();
        for (BlobId t : s.tree()) {
            m.put(t, "tree");
            TreeReader.read(List.of(t), blobs::get, f -> {
                for (BlobId id : f.manifest()) {
                    byte[] b = blobs.get(id);
                    String kind = b[0] == 3 ? (b[1] == 0 ? "index" : b[1] == 1 ? "content" : "placements") : "manifest-v" + b[0];
                    m.put(id, kind);
                    if (kind.equals("index")) ManifestReader.visit(id, blobs::get, new ManifestReader.ChunkVisitor() {
                        public boolean enter(BlobId c) { m.put(c, "content"); return false; }
                        public void content(Placement p) {}
                    });
                }
            });
        }
        return m;
    }
}
