package org.mailsnap.catalog;

import java.io.IOException;

/** A catalog operation failed; the message names the catalog directory and what went wrong. */
public class CatalogException extends IOException {
    public CatalogException(String message) {
        super(message);
    }

    public CatalogException(String message, Throwable cause) {
        super(message, cause);
    }
}
