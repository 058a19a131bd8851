package org.mailsnap.catalog;

/** Bytes in the catalog do not decode; the catalog is a cache, so 'catalog rebuild' recovers. */
public final class CatalogCorruptException extends CatalogException {
    CatalogCorruptException(String message) {
        super(message);
    }

    CatalogCorruptException(String message, Throwable cause) {
        super(message, cause);
    }
}
