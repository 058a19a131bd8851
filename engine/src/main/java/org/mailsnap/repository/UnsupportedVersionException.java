package org.mailsnap.repository;

/** The repository's format version is outside the range this program reads. */
public final class UnsupportedVersionException extends RepositoryException {
    private final int found;
    private final int min;
    private final int max;

    public UnsupportedVersionException(String location, int found, int min, int max) {
        super(location + ": repository format version " + found + " is not supported (this mailsnap reads versions "
                + min + " to " + max + ")" + (found > max ? "; a newer mailsnap wrote it" : ""));
        this.found = found;
        this.min = min;
        this.max = max;
    }

    public int found() {
        return found;
    }

    public int min() {
        return min;
    }

    public int max() {
        return max;
    }
}
