package org.mailsnap.catalog;

import java.nio.file.Path;
import org.mailsnap.codec.CorruptDataException;

/**
 * The local catalog is damaged: a record does not decode, an index entry points nowhere, or LMDB's own file is
 * broken. Every such failure has one message shape, so that it never reads like damage to the repository:
 * <pre>the local catalog at DIR is damaged (WHAT): run `mailsnap catalog rebuild`</pre>
 * The catalog is a cache, so a rebuild from the repository loses nothing. Record decoders do not know the catalog's
 * directory; the catalog names it with {@link #in(Path)} where the failure leaves it, and a message without a
 * directory says "the local catalog" alone. As damaged data it belongs to the {@link CorruptDataException} family
 * (resource: the catalog, problem: what is damaged), but its message is the sentence above; code that treats damaged
 * repository data as skippable catches the repository's own {@code CorruptObjectException}, so this one passes: a
 * damaged cache is repaired by a rebuild, not skipped.
 */
public final class CatalogCorruptException extends CorruptDataException {
    /** What the operator runs to recover. */
    public static final String REMEDY = "run `mailsnap catalog rebuild`";

    private final Path directory;

    /** A damaged record found where the catalog's directory is not known. */
    CatalogCorruptException(String damage) {
        this(null, damage, null);
    }

    CatalogCorruptException(String damage, Throwable cause) {
        this(null, damage, cause);
    }

    CatalogCorruptException(Path directory, String damage) {
        this(directory, damage, null);
    }

    CatalogCorruptException(Path directory, String damage, Throwable cause) {
        super(catalog(directory), damage, catalog(directory) + " is damaged (" + damage + "): " + REMEDY, cause);
        this.directory = directory;
    }

    /**
     * Builds the exception for a caller outside this package that found the catalog inconsistent with the repository
     * (e.g. the blob index lacks a blob the repository's index files list).
     */
    public static CatalogCorruptException of(Path directory, String damage) {
        return new CatalogCorruptException(directory, damage);
    }

    /** This failure naming {@code catalogDirectory}; itself when it already names one. */
    public CatalogCorruptException in(Path catalogDirectory) {
        return directory != null ? this : new CatalogCorruptException(catalogDirectory, problem(), this);
    }

    private static String catalog(Path directory) {
        return "the local catalog" + (directory == null ? "" : " at " + directory);
    }
}
