package org.mailsnap.catalog;

import java.util.Objects;
import org.mailsnap.model.BlobId;
import org.mailsnap.model.PackId;

/**
 * A blob location known to be bad: its pack is missing or damaged, or the blob fails to decrypt or to hash to its
 * id. See {@link CatalogBlobIndex#markDamaged}.
 *
 * @param id     the blob
 * @param pack   the pack of the bad location, or null when the blob is nowhere (no index lists it): then whatever
 *               location the catalog holds is dropped
 * @param reason why, for the operator
 */
public record DamagedBlob(BlobId id, PackId pack, String reason) {
    public DamagedBlob {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(reason, "reason");
    }
}
