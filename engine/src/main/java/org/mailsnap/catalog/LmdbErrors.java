package org.mailsnap.catalog;

import java.io.IOException;
import java.nio.file.Path;
import org.lmdbjava.Env;
import org.lmdbjava.LmdbException;
import org.lmdbjava.LmdbNativeException;

/** Turns lmdbjava's unchecked exceptions into the catalog's checked ones, naming the environment and operation. */
final class LmdbErrors {
    private LmdbErrors() {}

    /** @param directory the environment's directory ({@code state/} or {@code blobs/} of the catalog) */
    static IOException translate(LmdbException e, Path directory, String operation) {
        String where = "catalog " + directory + ": " + operation + " failed: ";
        if (e instanceof Env.MapFullException) {
            return new CatalogFullException(
                    where + "the memory map is full (MDB_MAP_FULL); the transaction is lost."
                            + " Reopen the catalog with a larger map size",
                    e);
        }
        if (e instanceof LmdbNativeException.PageCorruptedException
                || e instanceof Env.FileInvalidException
                || e instanceof LmdbNativeException.PageNotFoundException
                || e instanceof LmdbNativeException.PanicException
                || e instanceof Env.VersionMismatchException) {
            String problem = e instanceof Env.VersionMismatchException
                    ? "the LMDB file was written by an incompatible LMDB version"
                    : e.getMessage();
            return new CatalogCorruptException(
                    directory.getParent(), directory.getFileName() + "/: " + operation + " failed: " + problem, e);
        }
        return new CatalogException(where + e.getMessage(), e);
    }
}
