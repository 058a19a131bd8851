package org.mailsnap.prune;

import java.io.IOException;
import java.util.List;
import org.mailsnap.storage.ObjectInfo;
import org.mailsnap.storage.Storage;

/**
 * A storage that "dies" after a set number of changes: from then on every put and delete fails, as if the process
 * had been killed at that point (reads still work, so the dying code runs to its first write and stops there).
 * Counting changes, not time, makes every kill point reproducible.
 */
final class CrashingStorage implements Storage {
    private final Storage delegate;
    private int changesLeft = Integer.MAX_VALUE;
    private int changes;

    CrashingStorage(Storage delegate) {
        this.delegate = delegate;
    }

    /** Allows {@code n} more puts and deletes, then fails every one. */
    void dieAfter(int n) {
        changesLeft = n;
    }

    void revive() {
        changesLeft = Integer.MAX_VALUE;
    }

    int changes() {
        return changes;
    }

    private void change(String what) throws IOException {
        if (changesLeft <= 0) {
            throw new IOException("killed before " + what);
        }
        changesLeft--;
        changes++;
    }

    @Override
    public void put(String name, byte[] data) throws IOException {
        change("put " + name);
        delegate.put(name, data);
    }

    @Override
    public void delete(String name) throws IOException {
        change("delete " + name);
        delegate.delete(name);
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
    public String location() {
        return delegate.location();
    }

    @Override
    public void close() throws IOException {
        delegate.close();
    }
}
