package org.mailsnap.repository;

import java.io.IOException;
import org.mailsnap.storage.ForwardingStorage;
import org.mailsnap.storage.Storage;

/** Delegates to a real storage, but fails puts while {@link #failPuts} is set. */
final class FailingStorage extends ForwardingStorage {
    volatile boolean failPuts;

    FailingStorage(Storage delegate) {
        super(delegate);
    }

    @Override
    public void put(String name, byte[] data) throws IOException {
        if (failPuts) {
            throw new IOException("injected failure writing " + name);
        }
        delegate.put(name, data);
    }

    @Override
    public String location() {
        return "failing:" + delegate.location();
    }
}
