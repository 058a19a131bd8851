package org.mailsnap.check;

import java.util.List;
import java.util.Map;
import org.mailsnap.catalog.DamagedBlob;
import org.mailsnap.model.BlobId;
import org.mailsnap.model.BlobLocation;

/**
 * What a check found.
 *
 * @param damage    damage: objects that cannot be read or that disagree with each other; any makes the check fail
 * @param leftovers what killed or interrupted runs leave behind (stale locks, unindexed packs, superseded index
 *                  files still present, a pack listed by two index files): not damage; prune and unlock remove it
 * @param snapshots snapshots that cannot be restored completely
 * @param messages  messages some snapshot cannot restore
 * @param badBlobs  every blob location known bad (for the catalog's marks)
 * @param intact    locations the catalog had marked bad that this check read whole and verified (their marks go)
 * @param stats     how much was looked at
 */
public record CheckResult(
        List<Finding> damage,
        List<Finding> leftovers,
        List<AffectedSnapshot> snapshots,
        List<AffectedMessage> messages,
        List<DamagedBlob> badBlobs,
        List<Map.Entry<BlobId, BlobLocation>> intact,
        Stats stats) {
    public CheckResult {
        damage = List.copyOf(damage);
        leftovers = List.copyOf(leftovers);
        snapshots = List.copyOf(snapshots);
        messages = List.copyOf(messages);
        badBlobs = List.copyOf(badBlobs);
        intact = List.copyOf(intact);
    }

    /**
     * @param snapshots    snapshot objects looked at
     * @param indexFiles   index files looked at
     * @param packs        packs in {@code data/}
     * @param blobs        blob locations the live index files list
     * @param packsRead    packs read whole ({@code --read-data})
     * @param blobsRead    blobs decrypted and verified
     * @param treeChunks   distinct tree chunks decoded
     * @param manifestChunks distinct manifest chunks decoded
     */
    public record Stats(
            int snapshots,
            int indexFiles,
            int packs,
            long blobs,
            int packsRead,
            long blobsRead,
            long treeChunks,
            long manifestChunks) {}

    public boolean clean() {
        return damage.isEmpty();
    }
}
