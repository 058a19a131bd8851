package org.mailsnap.check;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.mailsnap.catalog.MessageInfo;
import org.mailsnap.codec.CorruptDataException;
import org.mailsnap.history.SnapshotObjects;
import org.mailsnap.model.BaseNames;
import org.mailsnap.model.BlobId;
import org.mailsnap.model.Placement;
import org.mailsnap.repository.Repository;
import org.mailsnap.snapshot.BlobSource;
import org.mailsnap.snapshot.ChunkCursor;
import org.mailsnap.snapshot.ControlFile;
import org.mailsnap.snapshot.FolderEntry;
import org.mailsnap.snapshot.Snapshot;

/**
 * Steps 4-5 of check (see the package doc): every snapshot, its tree and manifests, each distinct chunk decoded
 * once; then, for the snapshots that reference something bad, which folders and messages are affected.
 */
final class SnapshotWalk {
    private static final byte GOOD = 1;
    private static final byte BAD = 2;

    private final Repository repository;
    private final IndexScan scan;
    private final BlobSource metadata;
    private final MessageLookup lookup;
    private final CheckProgress progress;
    /** Tree and manifest chunks that cannot be read or decoded, with the reason. */
    private final Map<BlobId, String> unreadableChunks = new HashMap<>();
    /** Manifest chunks that decode but reference bad data blobs: the placements concerned. */
    private final Map<BlobId, List<BadPlacement>> badManifestChunks = new HashMap<>();
    final List<Finding> damage = new ArrayList<>();
    final List<Finding> leftovers = new ArrayList<>();
    final List<AffectedSnapshot> affectedSnapshots = new ArrayList<>();
    final List<AffectedMessage> affectedMessages = new ArrayList<>();
    /** Referenced blobs that no index lists at all (they are in no pack check knows of). */
    final Map<BlobId, String> unlisted = new LinkedHashMap<>();
    int snapshots;
    long treeChunks;
    long manifestChunks;

    private record BadPlacement(String name, String guid, List<String> problems) {}

    /** A message across snapshots, while the report is assembled. */
    private static final class Tally {
        String name;
        List<String> problems;
        int snapshots;
        String first;
        String last;
    }

    SnapshotWalk(Repository repository, IndexScan scan, MessageLookup lookup, CheckProgress progress) {
        this.progress = progress;
        this.repository = repository;
        this.scan = scan;
        this.metadata = repository.openBlobStore(scan.metadata)::get;
        this.lookup = lookup;
    }

    /** @param ids the snapshot ids, listed before the index files (see {@link Checker#run}) */
    void run(List<String> ids) throws IOException {
        List<Map.Entry<String, Snapshot>> bad = new ArrayList<>();
        SnapshotObjects objects = SnapshotObjects.load(repository, ids);
        snapshots = ids.size();
        progress.snapshotsTotal.set(ids.size());
        progress.snapshotsDone.add(objects.unreadable().size() + objects.superseded().size());
        for (Map.Entry<String, IOException> e : objects.unreadable().entrySet()) {
            String problem = IndexScan.problem(e.getValue());
            damage.add(new Finding(IndexScan.describe("snapshot", e.getKey()), problem));
            affectedSnapshots.add(new AffectedSnapshot(e.getKey(), null, null, 0, List.of("unreadable: " + problem)));
        }
        for (String id : objects.superseded()) {
            leftovers.add(new Finding(IndexScan.describe("snapshot", id), "superseded by a replacement but still"
                    + " present (an interrupted 'forget --mailbox'; readers ignore it, the next forget or prune"
                    + " deletes it)"));
        }
        for (Map.Entry<String, Snapshot> e : objects.current().entrySet()) {
            progress.snapshotsDone.increment();
            Snapshot snapshot = e.getValue();
            boolean good = true;
            for (BlobId chunk : snapshot.tree()) {
                good &= treeChunk(chunk);
            }
            if (!good) {
                bad.add(Map.entry(e.getKey(), snapshot));
            }
        }
        bad.sort(Comparator.comparing(e -> e.getValue().time()));
        report(bad);
    }

    /** True when the tree chunk and everything below it can be read. */
    private boolean treeChunk(BlobId chunk) throws IOException {
        byte known = known(chunk);
        if (known != 0) {
            return known == GOOD;
        }
        List<FolderEntry> folders = new ArrayList<>();
        if (!read(chunk, () -> ChunkCursor.tree(List.of(chunk), metadata).forEachRemaining(folders::add))) {
            return false;
        }
        treeChunks++;
        boolean good = true;
        for (FolderEntry folder : folders) {
            for (BlobId m : folder.manifest()) {
                good &= manifestChunk(m);
            }
            for (ControlFile file : folder.controlFiles()) {
                for (BlobId c : file.chunks()) {
                    good &= scan.data.readable(c);
                }
            }
        }
        scan.metadata.setWalkState(chunk, good ? GOOD : BAD);
        return good;
    }

    private boolean manifestChunk(BlobId chunk) throws IOException {
        byte known = known(chunk);
        if (known != 0) {
            return known == GOOD;
        }
        List<BadPlacement> badOnes = new ArrayList<>();
        if (!read(chunk, () -> ChunkCursor.manifest(List.of(chunk), metadata).forEachRemaining(p -> {
            List<String> problems = problems(p);
            if (!problems.isEmpty()) {
                badOnes.add(new BadPlacement(p.name(), p.guid(), problems));
            }
        }))) {
            return false;
        }
        manifestChunks++;
        if (!badOnes.isEmpty()) {
            badManifestChunks.put(chunk, badOnes);
        }
        scan.metadata.setWalkState(chunk, badOnes.isEmpty() ? GOOD : BAD);
        return badOnes.isEmpty();
    }

    private byte known(BlobId chunk) {
        if (unreadableChunks.containsKey(chunk)) {
            return BAD;
        }
        return scan.metadata.walkState(chunk);
    }

    private interface ChunkRead {
        void run() throws IOException;
    }

    /** Runs a chunk's decoding; a chunk that cannot be fetched or decoded is recorded as unreadable. */
    private boolean read(BlobId chunk, ChunkRead read) throws IOException {
        try {
            read.run();
            return true;
        } catch (CorruptDataException | org.mailsnap.repository.RepositoryException e) {
            String why = scan.metadata.listed(chunk) ? IndexScan.problem(e) : "no index lists it";
            unreadableChunks.put(chunk, why);
            if (!scan.metadata.listed(chunk)) {
                unlisted.put(chunk, why);
            }
            return false;
        }
    }

    /** What is wrong with a placement's blobs; empty when all are readable. */
    private List<String> problems(Placement p) {
        List<String> problems = new ArrayList<>();
        BlobId header = p.content().header();
        if (!scan.data.readable(header)) {
            problems.add("header " + whyBad(header));
        }
        List<BlobId> body = p.content().body();
        for (int i = 0; i < body.size(); i++) {
            if (!scan.data.readable(body.get(i))) {
                problems.add("body chunk " + (i + 1) + "/" + body.size() + " " + whyBad(body.get(i)));
            }
        }
        return problems;
    }

    private String whyBad(BlobId id) {
        String damaged = scan.damagedBlobs.get(id);
        if (damaged != null) {
            return "(blob " + id.shortHex() + "…) damaged: " + damaged;
        }
        if (!scan.data.listed(id)) {
            unlisted.put(id, "no index lists it");
            return "(blob " + id.shortHex() + "…) is in no index";
        }
        Map<String, Byte> where = new TreeMap<>();
        scan.data.describeBad(id, where);
        StringBuilder sb = new StringBuilder("(blob " + id.shortHex() + "…) in ");
        where.forEach((pack, status) -> sb.append(IndexScan.describe("pack", pack)).append(' ')
                .append(scan.badPacks.getOrDefault(pack, status == BlobTable.PACK_MISSING ? "missing" : "damaged"))
                .append(", "));
        return sb.substring(0, sb.length() - 2);
    }

    /** Step 5: the bad snapshots, oldest first, in mail terms. */
    private void report(List<Map.Entry<String, Snapshot>> bad) throws IOException {
        Map<String, Tally> tallies = new LinkedHashMap<>();
        Map<String, String[]> keys = new HashMap<>();
        for (Map.Entry<String, Snapshot> e : bad) {
            String id = e.getKey();
            Snapshot snapshot = e.getValue();
            BaseNames bases = new BaseNames(snapshot.separator());
            List<String> problems = new ArrayList<>();
            long[] messages = {0};
            for (BlobId chunk : snapshot.tree()) {
                String unreadable = unreadableChunks.get(chunk);
                if (unreadable != null) {
                    problems.add("tree chunk " + chunk.shortHex() + "… unreadable (" + unreadable
                            + "): its folders cannot be restored");
                    continue;
                }
                if (scan.metadata.walkState(chunk) != BAD) {
                    continue;
                }
                ChunkCursor.tree(List.of(chunk), metadata).forEachRemaining(folder -> {
                    String where = folder.key().toString();
                    for (BlobId m : folder.manifest()) {
                        String why = unreadableChunks.get(m);
                        if (why != null) {
                            problems.add(where + ": manifest chunk " + m.shortHex() + "… unreadable (" + why
                                    + "): some of its " + folder.messages() + " messages cannot be restored");
                            continue;
                        }
                        for (BadPlacement p : badManifestChunks.getOrDefault(m, List.of())) {
                            messages[0]++;
                            String identity = p.guid().isEmpty() ? bases.baseOf(p.name()) : p.guid();
                            String key = folder.key().mailbox() + '\0' + folder.key().folder() + '\0' + identity;
                            keys.putIfAbsent(key, new String[] {folder.key().mailbox(), folder.key().folder(),
                                    identity});
                            Tally t = tallies.computeIfAbsent(key, k -> new Tally());
                            t.name = p.name();
                            t.problems = p.problems();
                            t.snapshots++;
                            t.first = t.first == null ? id : t.first;
                            t.last = id;
                        }
                    }
                    for (ControlFile file : folder.controlFiles()) {
                        for (BlobId c : file.chunks()) {
                            if (!scan.data.readable(c)) {
                                problems.add(where + ": control file " + file.name() + " " + whyBad(c));
                            }
                        }
                    }
                });
            }
            affectedSnapshots.add(new AffectedSnapshot(id, snapshot.time(), snapshot.storeKey(), messages[0],
                    problems));
        }
        for (Map.Entry<String, Tally> e : tallies.entrySet()) {
            String[] k = keys.get(e.getKey());
            Tally t = e.getValue();
            MessageInfo info = lookup.find(k[0], k[2]).orElse(null);
            affectedMessages.add(new AffectedMessage(k[0], k[1], k[2], t.name, info == null ? null : info.subject(),
                    info == null ? null : info.messageId(), t.problems, t.snapshots, t.first, t.last));
        }
    }
}
