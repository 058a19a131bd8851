package org.mailsnap.storage;

import java.io.IOException;
import java.util.List;

/**
 * A storage that passes every call to another; a subclass overrides only what it changes (where a crash point
 * stops, what a test makes fail). Its {@link #spool} is the interface's default, in memory and published through
 * this storage's {@link #put(String, byte[])}, so that a subclass that changes put sees every object; one that wants the delegate's
 * spool overrides it (as {@link CrashPointStorage} does).
 */
public abstract class ForwardingStorage implements Storage {
    protected final Storage delegate;

    protected ForwardingStorage(Storage delegate) {
        this.delegate = delegate;
    }

    @Override
    public void put(String name, byte[] data) throws IOException {
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
    public void readRange(String name, long offset, int length, byte[] into) throws IOException {
        delegate.readRange(name, offset, length, into);
    }

    @Override
    public int readAheadBytes() {
        return delegate.readAheadBytes();
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
        return delegate.location();
    }

    @Override
    public void close() throws IOException {
        delegate.close();
    }
}
