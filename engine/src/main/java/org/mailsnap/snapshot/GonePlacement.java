package org.mailsnap.snapshot;

import java.util.Comparator;
import org.mailsnap.model.BaseNames;
import org.mailsnap.model.FolderKey;
import org.mailsnap.model.Placement;

/**
 * One entry of a store's deleted-mail ledger (format-spec/snapshots.md, "The deleted-mail ledger"): a placement that
 * left its folder, as the last snapshot holding it recorded it.
 *
 * @param folder          the folder it was in
 * @param placement       the manifest entry as the last snapshot holding it had it (name with flags, GUID, mtime,
 *                        content)
 * @param lastSeenSeconds time (seconds since the epoch) of the newest snapshot that held it
 * @param goneBySeconds   time of the oldest later snapshot that did not: it left after {@code lastSeen}, at or
 *                        before this
 */
public record GonePlacement(FolderKey folder, Placement placement, long lastSeenSeconds, long goneBySeconds) {
    public GonePlacement {
        if (goneBySeconds < lastSeenSeconds) {
            throw new IllegalArgumentException("gone by " + goneBySeconds + " before last seen " + lastSeenSeconds
                    + " for " + placement.name());
        }
    }

    /** The ledger's order within one folder: base (bytes), then gone-by time. */
    public static Comparator<GonePlacement> orderInFolder(BaseNames bases) {
        return Comparator.<GonePlacement, String>comparing(g -> bases.baseOf(g.placement().name()), BaseNames.ORDER)
                .thenComparingLong(GonePlacement::goneBySeconds);
    }

    /** The ledger's order: folder, then {@link #orderInFolder}. */
    public static Comparator<GonePlacement> order(BaseNames bases) {
        return Comparator.comparing(GonePlacement::folder).thenComparing(orderInFolder(bases));
    }
}
