package org.mailsnap.catalog;

import java.nio.file.Path;

/** The catalog was written in a format this version does not read; it can be rebuilt from the repository. */
public final class CatalogVersionException extends CatalogException {
    private final int found;
    private final int supported;

    CatalogVersionException(Path directory, int found, int supported) {
        super("catalog " + directory + " has format version " + found + ", this mailsnap reads version " + supported
                + " only; run 'catalog rebuild' to recreate it from the repository");
        this.found = found;
        this.supported = supported;
    }

    public int found() {
        return found;
    }

    public int supported() {
        return supported;
    }
}
