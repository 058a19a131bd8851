package org.mailsnap.catalog;

/**
 * The catalog's memory map is full. The transaction that hit it is lost (nothing it wrote is kept); reopen the
 * catalog with a larger map size, or let it reopen: opening always leaves at least the file's size again as room.
 */
public final class CatalogFullException extends CatalogException {
    CatalogFullException(String message, Throwable cause) {
        super(message, cause);
    }
}
