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
    /** One slot of the folder's new manifest, in base order. */
    static final class Slot {
        /** Where a slot stands; only {@link #PLACED} has something to record. */
        enum State {
            /** No placement yet: the caller resolves or reads it; one that vanished or is unreadable stays so. */
            UNKNOWN,
            /** Exactly the previous run's placement: nothing to record. */
            UNCHANGED,
            /** Placed in this run (renamed, moved in, copied, or read): to be recorded. */
            PLACED
        }

        final ListedFile listed;
        private State state = State.UNKNOWN;
        /** Null while {@link State#UNKNOWN}. */
        private Placement placement;

        private Slot(ListedFile listed) {
            this.listed = listed;
        }

        State state() {
            return state;
        }

        Placement placement() {
            return placement;
        }

        boolean known() {
            return state != State.UNKNOWN;
        }

        private void keep(Placement previous) {
            placement = previous;
            state = State.UNCHANGED;
        }

        void place(Placement resolved) {
            placement = resolved;
            state = State.PLACED;
        }

        /** Makes a known slot unknown again (--rescan reads it); returns the placement it had. */
        Placement unplace() {
            Placement had = placement;
            placement = null;
            state = State.UNKNOWN;
            return had;
        }
    }

    final List<Slot> slots = new ArrayList<>();
    final List<Slot> unknown = new ArrayList<>();
    final List<Placement> gone = new ArrayList<>();
    int renamed;

    /**
     * @param listing  the listed files sorted by {@link BaseNames#ORDER}, one per base
     * @param previous the previous placements of the folder in the same order
     */
    static FolderMerge merge(List<ListedFile> listing, Iterator<Placement> previous, BaseNames bases) {
        FolderMerge m = new FolderMerge();
        Placement prev = previous.hasNext() ? previous.next() : null;
        String prevBase = prev == null ? null : bases.baseOf(prev.name());
        for (ListedFile file : listing) {
            while (prev != null && BaseNames.ORDER.compare(prevBase, file.base()) < 0) {
                m.gone.add(prev);
                prev = previous.hasNext() ? previous.next() : null;
                prevBase = prev == null ? null : bases.baseOf(prev.name());
            }
            if (prev != null && prevBase.equals(file.base())) {
                if (prev.name().equals(file.name())
                        && prev.inCur() == file.inCur()
                        && prev.guid().equals(file.guid())) {
                    Slot same = new Slot(file);
                    same.keep(prev);
                    m.slots.add(same);
                } else {
                    Slot changed = new Slot(file);
                    changed.place(prev.at(file.name(), file.guid(), file.inCur()));
                    m.slots.add(changed);
                    m.renamed++;
                }
                prev = previous.hasNext() ? previous.next() : null;
                prevBase = prev == null ? null : bases.baseOf(prev.name());
            } else {
                Slot slot = new Slot(file);
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
