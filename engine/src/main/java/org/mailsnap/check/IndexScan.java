package org.mailsnap.check;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.mailsnap.catalog.DamagedBlob;
import org.mailsnap.model.BlobLocation;
import org.mailsnap.model.BlobType;
import org.mailsnap.model.HexId;
import org.mailsnap.model.ObjectId;
import org.mailsnap.model.PackId;
import org.mailsnap.model.PackNumbers;
import org.mailsnap.repository.IndexContent;
import org.mailsnap.repository.IndexedBlob;
import org.mailsnap.repository.IndexedPack;
import org.mailsnap.repository.Maintenance;
import org.mailsnap.repository.ObjectKind;
import org.mailsnap.repository.PackVerification;
import org.mailsnap.repository.Repository;

/**
 * Steps 1-3 of check (see the package doc): the packs in {@code data/}, the index files, the live ones' entries
 * into two {@link BlobTable}s, and every listed pack's header (or, when selected, its whole content).
 */
final class IndexScan {
    private final Maintenance maintenance;
    private final DataSelection readData;
    private final CheckProgress progress;
    private final PackNumbers packNumbers = new PackNumbers();
    final BlobTable data = new BlobTable(false, packNumbers);
    final BlobTable metadata = new BlobTable(true, packNumbers);
    final List<Finding> damage = new ArrayList<>();
    final List<Finding> leftovers = new ArrayList<>();
    final List<DamagedBlob> badBlobs = new ArrayList<>();
    /** Why each bad pack is bad ("missing", "damaged"), for reports of the blobs in it. */
    final Map<PackId, String> badPacks = new LinkedHashMap<>();
    /** Why each damaged blob is damaged (only blobs that failed to read; small). */
    final Map<org.mailsnap.model.BlobId, String> damagedBlobs = new HashMap<>();
    /** Locations the catalog holds marked bad, by blob id (a null pack: "wherever the catalog had it"). */
    private final Map<org.mailsnap.model.BlobId, Set<PackId>> marked = new HashMap<>();
    /** Marked locations this scan read whole and verified: the marks can go. */
    final List<Map.Entry<org.mailsnap.model.BlobId, BlobLocation>> intact = new ArrayList<>();

    int indexFiles;
    int packs;
    int packsRead;
    long blobsRead;

    IndexScan(Repository repository, DataSelection readData, Collection<DamagedBlob> marked, CheckProgress progress) {
        this.maintenance = repository.maintenance();
        this.readData = readData;
        this.progress = progress;
        for (DamagedBlob b : marked) {
            this.marked.computeIfAbsent(b.id(), id -> new HashSet<>()).add(b.pack());
        }
    }

    void run() throws IOException {
        // Index files before packs: a writer publishes a pack before the index file listing it, so a listing of
        // data/ taken after the index listing has every pack those index files name (no false "missing").
        List<ObjectId> ids = maintenance.indexIds();
        indexFiles = ids.size();
        progress.indexFiles.total.set(ids.size());
        Maintenance.PackListing listing = maintenance.listPacks();
        packs = listing.packs().size();
        listing.strays().forEach(name -> leftovers.add(new Finding(name, "not a pack's name; ignored")));
        for (ObjectKind kind : List.of(ObjectKind.INDEX, ObjectKind.SNAPSHOT)) {
            maintenance.strays(kind).forEach(name -> leftovers.add(new Finding(name, "not an object id; ignored")));
        }

        IndexSupersedes first = IndexSupersedes.read(maintenance, ids);
        Map<PackId, ObjectId> indexOfPack = new HashMap<>();
        for (ObjectId id : ids) {
            progress.indexFiles.done.increment(); // counted as it starts: a skipped file is done at once
            if (first.superseded().contains(id)) {
                leftovers.add(new Finding(
                        describe("index", id),
                        "superseded but still present (repair deletes"
                                + " nothing, and an interrupted prune leaves it; the next prune deletes it)"));
                continue;
            }
            if (first.unreadable().contains(id)) {
                String problem;
                try {
                    maintenance.readIndex(id);
                    problem = "readable on a second try (a flaky storage?)";
                } catch (IOException e) {
                    problem = problem(e);
                }
                damage.add(new Finding(
                        describe("index", id),
                        problem + "; the packs it lists are unindexed until 'mailsnap repair' indexes them anew"));
                continue;
            }
            IndexContent index = maintenance.readIndex(id);
            for (IndexedPack pack : index.packs()) {
                ObjectId other = indexOfPack.putIfAbsent(pack.packId(), id);
                if (other != null) {
                    leftovers.add(new Finding(
                            describe("pack", pack.packId()),
                            "listed by two index files ("
                                    + describe("index", other) + ", " + describe("index", id)
                                    + "): harmless, an"
                                    + " interrupted prune leaves this"));
                }
                addPack(index.id(), pack, listing.packs().containsKey(pack.packId()));
            }
        }
        for (PackId packId : listing.packs().keySet()) {
            if (!indexOfPack.containsKey(packId)) {
                leftovers.add(new Finding(
                        describe("pack", packId),
                        "no index lists it (a killed backup, or a"
                                + " damaged index: 'mailsnap repair' indexes it, prune deletes it)"));
                addUnindexedPack(packId);
            }
        }
        data.seal();
        metadata.seal();
    }

    private void addPack(ObjectId indexId, IndexedPack pack, boolean present) throws IOException {
        String packName = describe("pack", pack.packId());
        byte packStatus = BlobTable.OK;
        boolean verified = false;
        Map<org.mailsnap.model.BlobId, String> damaged = Map.of();
        if (!present) {
            packStatus = BlobTable.PACK_MISSING;
            String reason = "missing (listed by " + describe("index", indexId) + " with "
                    + pack.blobs().size() + " blobs)";
            damage.add(new Finding(packName, reason));
            badPacks.put(pack.packId(), "missing");
        } else if (readData.selects(pack.packId())) {
            PackVerification v = maintenance.verifyPack(pack.packId(), pack.blobs());
            packsRead++;
            blobsRead += v.verified();
            progress.packsRead.increment();
            progress.blobsRead.add(v.verified());
            v.packProblems().forEach(p -> damage.add(new Finding(packName, p)));
            damaged = v.damagedBlobs();
            verified = v.packProblems().isEmpty();
            if (damaged.size() <= 3) {
                damaged.forEach((id, why) -> damage.add(new Finding(packName, "blob " + id.shortHex() + "…: " + why)));
            } else {
                damage.add(new Finding(
                        packName,
                        damaged.size() + " of its " + pack.blobs().size() + " blobs cannot"
                                + " be read (" + Checker.examples(damaged.keySet()) + "; first: "
                                + damaged.values().iterator().next() + ")"));
            }
            if (!damaged.isEmpty()) {
                badPacks.put(pack.packId(), "damaged");
            }
        } else {
            checkHeader(pack, packName);
        }
        for (IndexedBlob blob : pack.blobs()) {
            String why = damaged.get(blob.id());
            byte status = why != null ? BlobTable.DAMAGED : packStatus;
            BlobTable table = blob.location().type() == BlobType.METADATA ? metadata : data;
            table.add(blob.id(), blob.location(), status);
            if (verified && status == BlobTable.OK && wasMarked(blob.id(), pack.packId())) {
                intact.add(Map.entry(blob.id(), blob.location()));
            }
            if (status != BlobTable.OK) {
                String reason = status == BlobTable.PACK_MISSING ? "pack " + pack.packId() + " missing" : why;
                badBlobs.add(new DamagedBlob(blob.id(), pack.packId(), reason));
                if (why != null) {
                    damagedBlobs.put(blob.id(), why);
                }
            }
        }
    }

    /**
     * The blobs a pack's own header lists, as {@link BlobTable#UNINDEXED}: a killed backup's pack holds blobs no
     * snapshot references (nothing to report), but a pack whose index file is damaged holds what snapshots need,
     * and this lets the walk read their trees and manifests and name the messages a restore cannot reach.
     */
    private void addUnindexedPack(PackId packId) {
        IndexedPack header;
        try {
            header = maintenance.readPackHeader(packId);
        } catch (IOException e) {
            return; // nothing known of its blobs; a referenced one is reported as in no index
        }
        for (IndexedBlob blob : header.blobs()) {
            BlobTable table = blob.location().type() == BlobType.METADATA ? metadata : data;
            table.add(blob.id(), blob.location(), BlobTable.UNINDEXED);
        }
    }

    private boolean wasMarked(org.mailsnap.model.BlobId id, PackId packId) {
        Set<PackId> packs = marked.get(id);
        return packs != null && (packs.contains(packId) || packs.contains(null));
    }

    /** Pack-header damage does not stop restores (they read blobs at index locations) but stops a repair. */
    private void checkHeader(IndexedPack listed, String packName) {
        IndexedPack header;
        try {
            header = maintenance.readPackHeader(listed.packId());
        } catch (IOException e) {
            damage.add(new Finding(
                    packName,
                    "header unreadable: " + problem(e) + " (its blobs may still be"
                            + " readable through the index; --read-data tells)"));
            return;
        }
        for (IndexedBlob blob : listed.blobs()) {
            int position = blob.location().indexInPack();
            if (position >= header.blobs().size()
                    || !header.blobs().get(position).equals(blob)) {
                damage.add(new Finding(
                        packName,
                        "header disagrees with the index at position " + position + " (blob "
                                + blob.id().shortHex() + "…)"));
                return;
            }
        }
    }

    static String problem(IOException e) {
        if (e instanceof org.mailsnap.codec.CorruptDataException c) {
            return c.problem();
        }
        return e.getMessage();
    }

    /** {@code "pack 3f2a…"}: how a finding names an object. */
    static String describe(String kind, HexId<?> id) {
        return kind + " " + id.shortId();
    }
}
