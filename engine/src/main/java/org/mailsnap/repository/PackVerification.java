package org.mailsnap.repository;

import java.util.List;
import java.util.Map;
import org.mailsnap.model.BlobId;
import org.mailsnap.model.PackId;

/**
 * What reading a whole pack found.
 *
 * @param packId       the pack
 * @param packProblems damage of the pack as a whole: its name is not the hash of its bytes, its header does not
 *                     parse or disagrees with the index; its blobs may still be readable
 * @param damagedBlobs listed blobs that cannot be read back (missing from the pack, MAC mismatch, id mismatch…),
 *                     with the reason
 * @param verified     listed blobs that decrypted and hashed to their id
 */
public record PackVerification(
        PackId packId, List<String> packProblems, Map<BlobId, String> damagedBlobs, long verified) {
    public PackVerification {
        packProblems = List.copyOf(packProblems);
        damagedBlobs = Map.copyOf(damagedBlobs);
    }

    public boolean clean() {
        return packProblems.isEmpty() && damagedBlobs.isEmpty();
    }
}
