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
            throw new IllegalArgumentException(
                    "gone by " + goneBySeconds + " before last seen " + lastSeenSeconds + " for " + placement.name());
        }
    }

    /** The ledger's order within one folder: base (bytes), then gone-by time, then last-seen time. */
    public static Comparator<GonePlacement> orderInFolder(BaseNames bases) {
        return Comparator.<GonePlacement, String>comparing(
                        g -> bases.baseOf(g.placement().name()), BaseNames.ORDER)
                .thenComparingLong(GonePlacement::goneBySeconds)
                .thenComparingLong(GonePlacement::lastSeenSeconds);
    }

    /**
     * True when both record the same departure: the same placement (folder and base) last seen by the same
     * snapshot. (Their gone-by times differ when one was found after the snapshots in between were forgotten.)
     */
    public boolean sameDeparture(GonePlacement other, BaseNames bases) {
        return folder.equals(other.folder)
                && lastSeenSeconds == other.lastSeenSeconds
                && bases.baseOf(placement.name()).equals(bases.baseOf(other.placement.name()));
    }

    /**
     * Orders two departures of one message by when it left: the one left last is the greatest. By last-seen time
     * first, since that is exact (a snapshot held the message there then), while a gone-by time is only an upper
     * bound once a forget had removed the snapshots in between: a folder the message was moved out of days earlier
     * can carry the same or a later gone-by time than the folder it was expunged from. A message held in two folders
     * by the same snapshot (a copy) left last where it stayed longest, by gone-by time.
     */
    public static final Comparator<GonePlacement> BY_DEPARTURE =
            Comparator.comparingLong(GonePlacement::lastSeenSeconds).thenComparingLong(GonePlacement::goneBySeconds);

    /** The ledger's order: folder, then {@link #orderInFolder}. */
    public static Comparator<GonePlacement> order(BaseNames bases) {
        return Comparator.comparing(GonePlacement::folder).thenComparing(orderInFolder(bases));
    }
}
