package org.mailsnap.catalog;

import java.nio.file.Path;
import org.mailsnap.codec.CorruptDataException;

/** The catalog was built for another repository; use another catalog directory or rebuild this one. */
public final class CatalogMismatchException extends CorruptDataException {
    CatalogMismatchException(Path directory, String found, String expected) {
        super(
                "catalog " + directory,
                "belongs to repository " + found + ", not to repository " + expected
                        + "; use the catalog of that repository, or run 'catalog rebuild' to replace it");
    }
}
