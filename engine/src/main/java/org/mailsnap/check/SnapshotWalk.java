package org.mailsnap.check;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.mailsnap.catalog.FoundMessage;
import org.mailsnap.catalog.MessageInfo;
import org.mailsnap.catalog.SnapshotSummary;
import org.mailsnap.codec.CorruptDataException;
import org.mailsnap.history.SnapshotObjects;
import org.mailsnap.model.BaseNames;
import org.mailsnap.model.BlobId;
import org.mailsnap.model.FolderKey;
import org.mailsnap.model.PackId;
import org.mailsnap.model.Placement;
import org.mailsnap.model.SnapshotId;
import org.mailsnap.repository.Repository;
import org.mailsnap.snapshot.BlobSource;
import org.mailsnap.snapshot.ChunkCursor;
import org.mailsnap.snapshot.ControlFile;
import org.mailsnap.snapshot.FolderEntry;
import org.mailsnap.snapshot.ManifestChunks;
import org.mailsnap.snapshot.Snapshot;

/**
 * Steps 4-5 of check (see the package doc): every snapshot, its tree and manifests (and its deleted-mail ledger),
 * each distinct chunk decoded once; then, for the snapshots that reference something bad, which folders and
 * messages are affected.
 */
final class SnapshotWalk {
    private static final byte GOOD = 1;
    /** Lost messages listed per unreadable snapshot; a report, not an inventory. */
    private static final int LOST_MESSAGES_LISTED = 1000;

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
    /** Version 3 content indexes with a bad content chunk: a folder's bad messages are found by reading it whole. */
    private final Set<BlobId> badContentIndexes = new HashSet<>();
    /** Ledger chunks that decode but reference bad data blobs: the deleted messages concerned. */
    private final Map<BlobId, List<BadGone>> badLedgerChunks = new HashMap<>();

    final List<Finding> damage = new ArrayList<>();
    final List<Finding> leftovers = new ArrayList<>();
    final List<AffectedSnapshot> affectedSnapshots = new ArrayList<>();
    final List<AffectedMessage> affectedMessages = new ArrayList<>();
    /** Referenced blobs that no index lists at all (they are in no pack check knows of). */
    final Map<BlobId, String> unlisted = new LinkedHashMap<>();

    long treeChunks;
    long manifestChunks;

    /** @param unindexedOnly every bad blob of it is intact in a pack no readable index lists */
    private record BadPlacement(String name, String guid, List<String> problems, boolean unindexedOnly) {
        /** The same message as a deleted-mail ledger entry: its problems say so. */
        BadPlacement deleted() {
            return new BadPlacement(
                    name,
                    guid,
                    problems.stream()
                            .map(problem -> "deleted, in the ledger: " + problem)
                            .toList(),
                    unindexedOnly);
        }
    }

    /** A deleted-mail ledger entry whose message cannot be restored. */
    private record BadGone(FolderKey folder, BadPlacement placement) {}

    /** A message of the report: mailbox, folder and identity. */
    private record MessageKey(String mailbox, String folder, String identity) {}

    /** A message across snapshots, while the report is assembled. */
    private static final class Tally {
        /** As the newest affected snapshot holds it. */
        BadPlacement placement;

        int snapshots;
        SnapshotId first;
        SnapshotId last;
    }

    SnapshotWalk(Repository repository, IndexScan scan, MessageLookup lookup, CheckProgress progress) {
        this.progress = progress;
        this.repository = repository;
        this.scan = scan;
        this.metadata = repository.openBlobStore(scan.metadata)::get;
        this.lookup = lookup;
    }

    /** @param ids the snapshot ids, listed before the index files (see {@link Checker#run}) */
    void run(List<SnapshotId> ids) throws IOException {
        List<Map.Entry<SnapshotId, Snapshot>> bad = new ArrayList<>();
        SnapshotObjects objects = SnapshotObjects.load(repository, ids);
        progress.snapshots.total.set(ids.size());
        progress.snapshots.done.add(
                objects.unreadable().size() + objects.superseded().size());
        for (Map.Entry<SnapshotId, IOException> e : objects.unreadable().entrySet()) {
            String problem = IndexScan.problem(e.getValue());
            damage.add(new Finding(IndexScan.describe("snapshot", e.getKey()), problem));
            unreadableSnapshot(e.getKey(), problem);
        }
        for (SnapshotId id : objects.superseded()) {
            leftovers.add(new Finding(
                    IndexScan.describe("snapshot", id),
                    "superseded by a replacement but still"
                            + " present (an interrupted 'forget --mailbox' or 'forget --keep-deleted-within'; readers ignore"
                            + " it, the next forget or prune deletes it)"));
        }
        for (Map.Entry<SnapshotId, Snapshot> e : objects.current().entrySet()) {
            progress.snapshots.done.increment();
            Snapshot snapshot = e.getValue();
            boolean good = true;
            for (BlobId chunk : snapshot.tree()) {
                good &= treeChunk(chunk);
            }
            for (BlobId chunk : snapshot.ledger()) {
                good &= ledgerChunk(chunk);
            }
            if (!good) {
                bad.add(Map.entry(e.getKey(), snapshot));
            }
        }
        bad.sort(Comparator.comparing(e -> e.getValue().time()));
        report(bad);
    }

    /**
     * A snapshot object that cannot be read, in the catalog's terms when it knows the snapshot: its time and store,
     * and the messages it alone held (they came and went between two backups), which are lost with it. Every other
     * message it held is also in a neighbouring snapshot.
     */
    private void unreadableSnapshot(SnapshotId id, String problem) throws IOException {
        SnapshotSummary summary = lookup.snapshot(id).orElse(null);
        List<FoundMessage> lost = lookup.heldOnlyBy(id, LOST_MESSAGES_LISTED);
        List<String> problems = new ArrayList<>(List.of("unreadable: " + problem));
        if (lost.size() == LOST_MESSAGES_LISTED) {
            problems.add("at least " + lost.size() + " messages held by this snapshot alone (the first "
                    + LOST_MESSAGES_LISTED + " are listed)");
        }
        affectedSnapshots.add(new AffectedSnapshot(
                id,
                summary == null ? null : summary.time(),
                summary == null ? null : summary.storeKey(),
                lost.size(),
                problems));
        for (FoundMessage m : lost) {
            MessageInfo info = m.info();
            affectedMessages.add(new AffectedMessage(
                    m.mailbox(),
                    info.folder(),
                    m.guid(),
                    m.guid(),
                    info.subject(),
                    info.messageId(),
                    List.of("held only by " + IndexScan.describe("snapshot", id)
                            + ", which cannot be read (lost unless the mail store still has it)"),
                    1,
                    id,
                    id,
                    false));
        }
    }

    /** True when the tree chunk and everything below it can be read. */
    private boolean treeChunk(BlobId chunk) throws IOException {
        return once(chunk, () -> {
            List<FolderEntry> folders = new ArrayList<>();
            ChunkCursor.tree(List.of(chunk), metadata).forEachRemaining(folders::add);
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
            return good;
        });
    }

    /**
     * A manifest chunk: its own entries, and for a version 3 content index each content chunk it lists (checked and
     * remembered on its own); an index is bad when one of them is.
     */
    private boolean manifestChunk(BlobId chunk) throws IOException {
        List<String> unreadableContent = new ArrayList<>();
        boolean good = messageChunk(chunk, badManifestChunks, bad -> {
            ManifestChunks.visit(chunk, metadata, new ManifestChunks.Visitor() {
                @Override
                public boolean enter(BlobId content) throws IOException {
                    if (!manifestChunk(content)) {
                        badContentIndexes.add(chunk);
                        String why = unreadableChunks.get(content);
                        if (why != null) {
                            unreadableContent.add("content chunk " + content.shortHex() + "… " + why);
                        }
                    }
                    return false;
                }

                @Override
                public void content(Placement p) {
                    badPlacement(p).ifPresent(bad::add);
                }
            });
            manifestChunks++;
        });
        if (!unreadableContent.isEmpty()) {
            unreadableChunks.put(chunk, String.join("; ", unreadableContent));
            return false;
        }
        if (good && badContentIndexes.contains(chunk)) {
            scan.metadata.setWalkState(chunk, BAD);
            return false;
        }
        return good;
    }

    /**
     * The bad placements of a version 3 folder whose content table has a bad chunk: the table is shared by the
     * mailbox's folders, so only reading the folder tells which of its messages are concerned.
     */
    private List<BadPlacement> badPlacements(FolderEntry folder, List<String> problems) throws IOException {
        List<BadPlacement> bad = new ArrayList<>();
        try {
            ChunkCursor.manifest(folder.manifest(), metadata)
                    .forEachRemaining(p -> badPlacement(p).ifPresent(bad::add));
        } catch (CorruptDataException | org.mailsnap.repository.RepositoryException e) {
            problems.add(folder.key() + ": manifest unreadable (" + IndexScan.problem(e) + "): some of its "
                    + folder.messages() + " messages cannot be restored");
        }
        return bad;
    }

    /** A deleted-mail ledger chunk (records version 4): like a manifest chunk, each entry naming its folder. */
    private boolean ledgerChunk(BlobId chunk) throws IOException {
        return messageChunk(chunk, badLedgerChunks, bad -> {
            ChunkCursor.ledger(List.of(chunk), metadata)
                    .forEachRemaining(g ->
                            badPlacement(g.placement()).ifPresent(p -> bad.add(new BadGone(g.folder(), p.deleted()))));
        });
    }

    /** Decodes a chunk listing messages into its bad ones. */
    private interface MessageChunkScan<T> {
        void scan(List<T> bad) throws IOException;
    }

    /**
     * Reads a chunk of messages (manifest or ledger) once and keeps its verdict and its bad entries in
     * {@code badChunks}; true when the chunk and every message's blobs can be read.
     */
    private <T> boolean messageChunk(BlobId chunk, Map<BlobId, List<T>> badChunks, MessageChunkScan<T> scanChunk)
            throws IOException {
        return once(chunk, () -> {
            List<T> badOnes = new ArrayList<>();
            scanChunk.scan(badOnes);
            if (!badOnes.isEmpty()) {
                badChunks.put(chunk, badOnes);
            }
            return badOnes.isEmpty();
        });
    }

    /** Decodes a chunk; true when everything below it can be read. */
    private interface ChunkRead {
        boolean read() throws IOException;
    }

    /**
     * Reads a tree, manifest or ledger chunk once and remembers the verdict: true when the chunk is readable and
     * {@code read} finds everything below it readable. A chunk that cannot be fetched or decoded is recorded as
     * unreadable.
     */
    private boolean once(BlobId chunk, ChunkRead read) throws IOException {
        byte known = unreadableChunks.containsKey(chunk) ? BAD : scan.metadata.walkState(chunk);
        if (known != 0) {
            return known == GOOD;
        }
        boolean good;
        try {
            good = read.read() && scan.metadata.readable(chunk); // else it came from an unindexed pack's header
        } catch (CorruptDataException | org.mailsnap.repository.RepositoryException e) {
            String why = scan.metadata.listed(chunk) ? IndexScan.problem(e) : "no index lists it";
            unreadableChunks.put(chunk, why);
            if (!scan.metadata.listed(chunk)) {
                unlisted.put(chunk, why);
            }
            return false;
        }
        scan.metadata.setWalkState(chunk, good ? GOOD : BAD);
        return good;
    }

    /** The placement with what is wrong with its blobs; empty when all are readable. */
    private Optional<BadPlacement> badPlacement(Placement p) {
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
        if (problems.isEmpty()) {
            return Optional.empty();
        }
        // each bad blob at least in an unindexed pack: a repair of the index makes the message restorable
        boolean unindexedOnly = Stream.concat(Stream.of(header), body.stream())
                .allMatch(id -> scan.data.readable(id) || scan.data.unindexed(id));
        return Optional.of(new BadPlacement(p.name(), p.guid(), problems, unindexedOnly));
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
        Map<PackId, Byte> where = new TreeMap<>();
        scan.data.describeBad(id, where);
        StringBuilder sb = new StringBuilder("(blob " + id.shortHex() + "…) in ");
        where.forEach((pack, status) -> sb.append(IndexScan.describe("pack", pack))
                .append(' ')
                .append(
                        status == BlobTable.UNINDEXED
                                ? "(intact, but no readable index lists it: 'mailsnap repair'" + " indexes it)"
                                : scan.badPacks.getOrDefault(
                                        pack, status == BlobTable.PACK_MISSING ? "missing" : "damaged"))
                .append(", "));
        return sb.substring(0, sb.length() - 2);
    }

    /** A chunk read from an unindexed pack's header: where it is, and what makes it reachable again. */
    private String unindexed(BlobId chunk) {
        return "is in "
                + scan.metadata
                        .find(chunk)
                        .map(l -> IndexScan.describe("pack", l.pack()))
                        .orElse("a pack") + ", which no readable index lists ('mailsnap repair' indexes it)";
    }

    /** Counts a bad message of {@code snapshot} in {@code folder} toward its entry of the report. */
    private static void tally(
            Map<MessageKey, Tally> tallies, SnapshotId snapshot, BaseNames bases, FolderKey folder, BadPlacement p) {
        String identity = p.guid().isEmpty() ? bases.baseOf(p.name()) : p.guid();
        Tally t =
                tallies.computeIfAbsent(new MessageKey(folder.mailbox(), folder.folder(), identity), k -> new Tally());
        t.placement = p;
        t.snapshots++;
        t.first = t.first == null ? snapshot : t.first;
        t.last = snapshot;
    }

    /** Step 5: the bad snapshots, oldest first, in mail terms. */
    private void report(List<Map.Entry<SnapshotId, Snapshot>> bad) throws IOException {
        Map<MessageKey, Tally> tallies = new LinkedHashMap<>();
        for (Map.Entry<SnapshotId, Snapshot> e : bad) {
            SnapshotId id = e.getKey();
            Snapshot snapshot = e.getValue();
            BaseNames bases = new BaseNames(snapshot.separator());
            List<String> problems = new ArrayList<>();
            long messages = 0;
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
                if (!scan.metadata.readable(chunk)) {
                    problems.add("tree chunk " + chunk.shortHex() + "… " + unindexed(chunk)
                            + ": the snapshot cannot be restored until then");
                }
                ChunkCursor<FolderEntry> folders = ChunkCursor.tree(List.of(chunk), metadata);
                for (FolderEntry folder = folders.next(); folder != null; folder = folders.next()) {
                    String where = folder.key().toString();
                    for (BlobId m : folder.manifest()) {
                        String why = unreadableChunks.get(m);
                        if (why != null) {
                            problems.add(where + ": manifest chunk " + m.shortHex() + "… unreadable (" + why
                                    + "): some of its " + folder.messages() + " messages cannot be restored");
                            continue;
                        }
                        if (!scan.metadata.readable(m)) {
                            problems.add(where + ": manifest chunk " + m.shortHex() + "… " + unindexed(m)
                                    + ": its folder cannot be restored until then");
                        }
                        List<BadPlacement> badOnes = badContentIndexes.contains(m)
                                ? badPlacements(folder, problems)
                                : badManifestChunks.getOrDefault(m, List.of());
                        for (BadPlacement p : badOnes) {
                            messages++;
                            tally(tallies, id, bases, folder.key(), p);
                        }
                    }
                    for (ControlFile file : folder.controlFiles()) {
                        for (BlobId c : file.chunks()) {
                            if (!scan.data.readable(c)) {
                                problems.add(where + ": control file " + file.name() + " " + whyBad(c));
                            }
                        }
                    }
                }
            }
            for (BlobId chunk : snapshot.ledger()) {
                String unreadable = unreadableChunks.get(chunk);
                if (unreadable != null) {
                    problems.add("deleted-mail ledger chunk " + chunk.shortHex() + "… unreadable (" + unreadable
                            + "): some messages deleted within its window cannot be restored");
                }
                for (BadGone g : badLedgerChunks.getOrDefault(chunk, List.of())) {
                    messages++;
                    tally(tallies, id, bases, g.folder(), g.placement());
                }
            }
            affectedSnapshots.add(new AffectedSnapshot(id, snapshot.time(), snapshot.storeKey(), messages, problems));
        }
        for (Map.Entry<MessageKey, Tally> e : tallies.entrySet()) {
            MessageKey k = e.getKey();
            Tally t = e.getValue();
            MessageInfo info = lookup.find(k.mailbox(), k.identity()).orElse(null);
            affectedMessages.add(new AffectedMessage(
                    k.mailbox(),
                    k.folder(),
                    k.identity(),
                    t.placement.name(),
                    info == null ? null : info.subject(),
                    info == null ? null : info.messageId(),
                    t.placement.problems(),
                    t.snapshots,
                    t.first,
                    t.last,
                    t.placement.unindexedOnly()));
        }
    }
}
