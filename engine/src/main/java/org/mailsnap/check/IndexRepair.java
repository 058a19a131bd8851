package org.mailsnap.check;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.mailsnap.model.ObjectId;
import org.mailsnap.model.PackId;
import org.mailsnap.repository.IndexContent;
import org.mailsnap.repository.IndexedPack;
import org.mailsnap.repository.Maintenance;
import org.mailsnap.repository.Repository;
import org.mailsnap.repository.RepositoryLock;

/**
 * {@code mailsnap repair}: rebuilds the index from the packs, under an exclusive lock. Deletes nothing.
 *
 * <pre>
 * lock exclusive
 * list data/; read every index file (unreadable ones noted), apply supersedes → live files
 * a live file to replace: unreadable, or listing a pack that is missing
 * keep: the present packs' records of the live files to replace
 * index anew: every present pack no readable live file lists (killed backups, damaged index files):
 *             read its header (three ranged reads); a header that cannot be read is reported and left alone
 * write N_1…N_m with empty supersedes: kept records and packs indexed anew, ≤ ENTRIES_PER_FILE blobs each
 * write F superseding the files replaced (only when there are any)          -- operations.md, prune steps 4-5
 * unlock; check the structure again to name the snapshots that still cannot be completed
 * </pre>
 * A crash before F leaves extra index files listing packs that are listed elsewhere too: valid, and a second
 * repair converges. The missing packs' blobs are then in no index: snapshots that reference them are reported, and
 * the next backup (after check marked them in the catalog) stores again what the live store still has.
 */
public final class IndexRepair {
    static final int ENTRIES_PER_FILE = 100_000;

    private final Repository repository;

    public IndexRepair(Repository repository) {
        this.repository = repository;
    }

    /**
     * @param indexedAnew     packs that no readable live index listed and that are now indexed from their headers
     * @param replaced        index files superseded (unreadable, or listing a missing pack)
     * @param written         index files written
     * @param unreadablePacks packs that no index lists and whose header cannot be read: left untouched
     * @param after           the structure check after the repair
     */
    public record Result(
            List<PackId> indexedAnew,
            List<ObjectId> replaced,
            List<ObjectId> written,
            List<Finding> unreadablePacks,
            CheckResult after) {}

    public Result run() throws IOException {
        Maintenance maintenance = repository.maintenance();
        List<PackId> indexedAnew = new ArrayList<>();
        List<ObjectId> replaced = new ArrayList<>();
        List<ObjectId> written = new ArrayList<>();
        List<Finding> unreadablePacks = new ArrayList<>();
        try (RepositoryLock lock = repository.lockExclusive()) {
            Map<PackId, Long> packs = maintenance.listPacks().packs();
            List<ObjectId> ids = maintenance.indexIds();
            IndexSupersedes first = IndexSupersedes.read(maintenance, ids);
            Set<PackId> covered = new HashSet<>();
            List<IndexedPack> toWrite = new ArrayList<>();
            for (ObjectId id : ids) {
                if (first.superseded().contains(id)) {
                    continue;
                }
                if (first.unreadable().contains(id)) {
                    replaced.add(id);
                    continue;
                }
                IndexContent content = maintenance.readIndex(id);
                boolean listsMissing = content.packs().stream().anyMatch(p -> !packs.containsKey(p.packId()));
                if (listsMissing) {
                    replaced.add(id);
                    for (IndexedPack p : content.packs()) {
                        if (packs.containsKey(p.packId()) && covered.add(p.packId())) {
                            toWrite.add(p);
                        }
                    }
                } else {
                    content.packs().forEach(p -> covered.add(p.packId()));
                }
            }
            for (PackId packId : packs.keySet()) {
                if (covered.contains(packId)) {
                    continue;
                }
                try {
                    toWrite.add(maintenance.readPackHeader(packId));
                    indexedAnew.add(packId);
                    covered.add(packId);
                } catch (IOException e) {
                    unreadablePacks.add(new Finding(
                            IndexScan.describe("pack", packId),
                            "no index lists it and its" + " header cannot be read (" + IndexScan.problem(e)
                                    + "); left untouched"));
                }
            }
            List<IndexedPack> batch = new ArrayList<>();
            long entries = 0;
            for (IndexedPack p : toWrite) {
                if (!batch.isEmpty() && entries + p.blobs().size() > ENTRIES_PER_FILE) {
                    written.add(maintenance.writeIndex(List.of(), batch));
                    batch = new ArrayList<>();
                    entries = 0;
                }
                batch.add(p);
                entries += p.blobs().size();
            }
            if (!batch.isEmpty()) {
                written.add(maintenance.writeIndex(List.of(), batch));
            }
            if (!replaced.isEmpty()) {
                written.add(maintenance.writeIndex(replaced, List.of()));
            }
        }
        CheckResult after = new Checker(repository, DataSelection.NONE, MessageLookup.NONE).run();
        return new Result(indexedAnew, replaced, written, unreadablePacks, after);
    }
}
