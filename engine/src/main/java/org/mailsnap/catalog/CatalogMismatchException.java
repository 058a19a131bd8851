package org.mailsnap.catalog;

import java.nio.file.Path;

/** The catalog was built for another repository; use another catalog directory or rebuild this one. */
public final class CatalogMismatchException extends CatalogException {
    private final String found;
    private final String expected;

    CatalogMismatchException(Path directory, String found, String expected) {
        super("catalog " + directory + " belongs to repository " + found + ", not to repository " + expected
                + "; use the catalog of that repository, or run 'catalog rebuild' to replace it");
        this.found = found;
        this.expected = expected;
    }

    public String found() {
        return found;
    }

    public String expected() {
        return expected;
    }
}
