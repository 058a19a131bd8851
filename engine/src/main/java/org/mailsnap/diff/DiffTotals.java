package org.mailsnap.diff;

/** How many messages of each {@link Change.Kind} a diff found. */
public record DiffTotals(long added, long expunged, long moved, long flagsChanged) {
    public static final DiffTotals NONE = new DiffTotals(0, 0, 0, 0);

    DiffTotals plus(Change.Kind kind) {
        return switch (kind) {
            case ADDED -> new DiffTotals(added + 1, expunged, moved, flagsChanged);
            case EXPUNGED -> new DiffTotals(added, expunged + 1, moved, flagsChanged);
            case MOVED -> new DiffTotals(added, expunged, moved + 1, flagsChanged);
            case FLAGS_CHANGED -> new DiffTotals(added, expunged, moved, flagsChanged + 1);
        };
    }
}
