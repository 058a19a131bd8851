package org.mailsnap.catalog;

import java.nio.file.Path;

/**
 * The catalog is a rebuild that was stopped before it finished ({@link Catalog#recreate}): what it holds is a part of
 * the repository's state, never to be taken for the whole. Rebuilding it again is the only way on.
 */
public final class UnfinishedCatalogException extends CatalogException {
    UnfinishedCatalogException(Path directory) {
        super("the local catalog at " + directory + " is an unfinished rebuild (the run rebuilding it was stopped):"
                + " run `mailsnap catalog rebuild`");
    }
}
