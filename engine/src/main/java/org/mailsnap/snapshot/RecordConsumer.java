package org.mailsnap.snapshot;

import java.io.IOException;

/** Receives the records of a manifest or a tree, in the order their chunks hold them. */
@FunctionalInterface
public interface RecordConsumer<T> {
    void accept(T record) throws IOException;
}
