package org.mailsnap.codec;

/**
 * A format version outside the range this program reads. A version is read before anything can be authenticated,
 * so a version out of range is either another mailsnap's format or a damaged byte: the message says both, and which
 * side of the range it lies on (Lucene's {@code IndexFormatTooNewException} and {@code IndexFormatTooOldException}).
 */
public final class UnsupportedVersionException extends CorruptDataException {
    private final int found;
    private final int min;
    private final int max;

    /** @param remedy what the operator can do about it, appended to the message (may be null) */
    public UnsupportedVersionException(String resource, String kind, int found, int min, int max, String remedy) {
        super(
                resource,
                "unsupported " + kind + " version " + found + " (this mailsnap reads versions " + min + " to "
                        + max + "; written by " + (found > max ? "a newer" : "an older") + " mailsnap, or damaged)"
                        + (remedy == null ? "" : "; " + remedy));
        this.found = found;
        this.min = min;
        this.max = max;
    }

    public UnsupportedVersionException(String resource, String kind, int found, int min, int max) {
        this(resource, kind, found, min, max, null);
    }

    /** The version the data claims. */
    public int found() {
        return found;
    }

    /** The newest version this program reads. */
    public int max() {
        return max;
    }

    /** The oldest version this program reads. */
    public int min() {
        return min;
    }
}
