package org.mailsnap.repository;

/**
 * The repository's format version is outside the range this program reads. The version is read before the config's
 * MAC can be checked (no key is known yet), so a version above the range is either a newer format or a damaged
 * byte: the message says both.
 */
public final class UnsupportedVersionException extends RepositoryException {
    private final int found;
    private final int min;
    private final int max;

    public UnsupportedVersionException(String location, int found, int min, int max) {
        super(location + ": repository format version " + found + " is not supported (this mailsnap reads versions "
                + min + " to " + max + ")" + (found > max ? "; the config is damaged or was written by a newer mailsnap"
                : "; the config is damaged"));
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
