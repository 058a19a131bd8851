package org.mailsnap.catalog;

import java.nio.file.Path;

/**
 * The local catalog is damaged: a record does not decode, an index entry points nowhere, or LMDB's own file is
 * broken. Every such failure has one message shape, so that it never reads like damage to the repository:
 * <pre>the local catalog at DIR is damaged (WHAT): run `mailsnap catalog rebuild`</pre>
 * The catalog is a cache, so a rebuild from the repository loses nothing. Record decoders do not know the catalog's
 * directory; the catalog names it with {@link #in(Path)} where the failure leaves it, and a message without a
 * directory says "the local catalog" alone.
 */
public final class CatalogCorruptException extends CatalogException {
    /** What the operator runs to recover. */
    public static final String REMEDY = "run `mailsnap catalog rebuild`";

    private final Path directory;
    private final String damage;

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
        super(message(directory, damage), cause);
        this.directory = directory;
        this.damage = damage;
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
        return directory != null ? this : new CatalogCorruptException(catalogDirectory, damage, this);
    }

    /** The catalog directory, or null when the failure was not located. */
    public Path directory() {
        return directory;
    }

    /** What is damaged, without the remedy. */
    public String damage() {
        return damage;
    }

    private static String message(Path directory, String damage) {
        return "the local catalog" + (directory == null ? "" : " at " + directory) + " is damaged (" + damage + "): "
                + REMEDY;
    }
}
