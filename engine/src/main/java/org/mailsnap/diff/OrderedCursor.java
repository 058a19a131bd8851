package org.mailsnap.diff;

import java.io.IOException;
import java.util.Comparator;
import org.mailsnap.snapshot.ChunkCursor;

/**
 * A cursor whose records must come in strictly increasing order, as writers put them: a merge-join over records
 * out of order would pair the wrong ones, so that is an error naming the list.
 */
final class OrderedCursor<T> {
    private final ChunkCursor<T> cursor;
    private final Comparator<T> order;
    private final String what;
    private T last;

    OrderedCursor(ChunkCursor<T> cursor, Comparator<T> order, String what) {
        this.cursor = cursor;
        this.order = order;
        this.what = what;
    }

    T peek() throws IOException {
        return cursor.peek();
    }

    T next() throws IOException {
        T record = cursor.next();
        if (record != null) {
            if (last != null && order.compare(last, record) >= 0) {
                throw new IOException(what + " is out of order: " + last + " before " + record);
            }
            last = record;
        }
        return record;
    }
}
