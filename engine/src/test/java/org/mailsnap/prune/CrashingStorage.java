package org.mailsnap.prune;

import java.io.IOException;
import org.mailsnap.storage.ForwardingStorage;
import org.mailsnap.storage.Storage;

/**
 * A storage that "dies" after a set number of changes: from then on every put and delete fails, as if the process
 * had been killed at that point (reads still work, so the dying code runs to its first write and stops there).
 * Counting changes, not time, makes every kill point reproducible.
 */
final class CrashingStorage extends ForwardingStorage {
    private int changesLeft = Integer.MAX_VALUE;
    private int changes;

    CrashingStorage(Storage delegate) {
        super(delegate);
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
}
