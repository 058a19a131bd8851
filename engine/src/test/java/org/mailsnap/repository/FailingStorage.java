package org.mailsnap.repository;

import java.io.IOException;
import java.util.List;
import org.mailsnap.storage.ObjectInfo;
import org.mailsnap.storage.Storage;

/** Delegates to a real storage, but fails puts while {@link #failPuts} is set. */
final class FailingStorage implements Storage {
    private final Storage delegate;
    volatile boolean failPuts;

    FailingStorage(Storage delegate) {
        this.delegate = delegate;
    }

    @Override
    public void put(String name, byte[] data) throws IOException {
        if (failPuts) {
            throw new IOException("injected failure writing " + name);
        }
        delegate.put(name, data);
    }

    @Override
    public byte[] get(String name) throws IOException {
        return delegate.get(name);
    }

    @Override
    public byte[] getRange(String name, long offset, int length) throws IOException {
        return delegate.getRange(name, offset, length);
    }

    @Override
    public long size(String name) throws IOException {
        return delegate.size(name);
    }

    @Override
    public boolean exists(String name) throws IOException {
        return delegate.exists(name);
    }

    @Override
    public List<ObjectInfo> list(String prefix) throws IOException {
        return delegate.list(prefix);
    }

    @Override
    public void delete(String name) throws IOException {
        delegate.delete(name);
    }

    @Override
    public String location() {
        return "failing:" + delegate.location();
    }
}
