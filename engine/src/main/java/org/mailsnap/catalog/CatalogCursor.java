package org.mailsnap.catalog;

import java.io.IOException;
import java.util.NoSuchElementException;

/**
 * An iteration over catalog entries backed by an LMDB cursor: entries are decoded one at a time, so memory does not
 * grow with their number. Valid while its reader or writer is open; close it when done (closing the reader or
 * writer closes it too).
 */
public interface CatalogCursor<T> extends AutoCloseable {

    boolean hasNext() throws IOException;

    /** @throws NoSuchElementException past the end */
    T next() throws IOException;

    @Override
    void close();
}
