package org.mailsnap.backup;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.mailsnap.model.BaseNames;
import org.mailsnap.model.Placement;

/**
 * Merges a folder's fresh listing with its previous placements, both sorted by base, without touching any file.
 *
 * <pre>
 * for each base, walking both lists in step:
 *   listed and previous, same name, place, GUID → unchanged (previous placement reused)
 *   listed and previous, other name or place    → renamed: flags changed or new→cur (content and mtime reused)
 *   listed only                               → unknown here: the caller resolves it (moved in, copied, or new)
 *   previous only                             → gone from this folder (moved out or expunged)
 * </pre>
 */
final class FolderMerge {
    /** One slot of the folder's new manifest, in base order; {@code placement} is null until resolved. */
    static final class Slot {
        final ListedFile listed;
        Placement placement;
        /** True while the placement is exactly the previous run's: nothing to record. */
        boolean previous;

        Slot(ListedFile listed, Placement placement) {
            this.listed = listed;
            this.placement = placement;
        }
    }

    final List<Slot> slots = new ArrayList<>();
    final List<Slot> unknown = new ArrayList<>();
    final List<Placement> gone = new ArrayList<>();
    int unchanged;
    int renamed;

    /**
     * @param listing  the listed files sorted by {@link BaseNames#ORDER}, one per base
     * @param previous the previous placements of the folder in the same order
     */
    static FolderMerge merge(List<ListedFile> listing, Iterator<Placement> previous, BaseNames bases) {
        FolderMerge m = new FolderMerge();
        Placement prev = previous.hasNext() ? previous.next() : null;
        for (ListedFile file : listing) {
            while (prev != null && BaseNames.ORDER.compare(bases.baseOf(prev.name()), file.base()) < 0) {
                m.gone.add(prev);
                prev = previous.hasNext() ? previous.next() : null;
            }
            if (prev != null && bases.baseOf(prev.name()).equals(file.base())) {
                if (prev.name().equals(file.name()) && prev.inCur() == file.inCur()
                        && prev.guid().equals(file.guid())) {
                    Slot same = new Slot(file, prev);
                    same.previous = true;
                    m.slots.add(same);
                    m.unchanged++;
                } else {
                    m.slots.add(new Slot(file, prev.at(file.name(), file.guid(), file.inCur())));
                    m.renamed++;
                }
                prev = previous.hasNext() ? previous.next() : null;
            } else {
                Slot slot = new Slot(file, null);
                m.slots.add(slot);
                m.unknown.add(slot);
            }
        }
        while (prev != null) {
            m.gone.add(prev);
            prev = previous.hasNext() ? previous.next() : null;
        }
        return m;
    }
}
