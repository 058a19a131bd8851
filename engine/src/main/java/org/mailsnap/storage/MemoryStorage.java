package org.mailsnap.storage;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;

/** Objects in a map: for tests and for throw-away repositories. Thread-safe. */
public final class MemoryStorage implements Storage {
    private final Map<String, byte[]> objects = new ConcurrentSkipListMap<>();

    @Override
    public void put(String name, byte[] data) throws IOException {
        ObjectNames.check(name);
        objects.put(name, data.clone());
    }

    @Override
    public byte[] get(String name) throws IOException {
        return require(name).clone();
    }

    @Override
    public byte[] getRange(String name, long offset, int length) throws IOException {
        byte[] data = require(name);
        if (offset < 0 || length < 0 || offset + length > data.length) {
            throw new IOException(location() + ": " + name + " has " + data.length + " bytes, cannot read " + length
                    + " at " + offset);
        }
        return Arrays.copyOfRange(data, (int) offset, (int) offset + length);
    }

    @Override
    public long size(String name) throws IOException {
        return require(name).length;
    }

    @Override
    public boolean exists(String name) {
        return objects.containsKey(ObjectNames.check(name));
    }

    @Override
    public List<ObjectInfo> list(String prefix) {
        ObjectNames.checkPrefix(prefix);
        List<ObjectInfo> result = new ArrayList<>();
        objects.forEach((name, data) -> {
            if (name.startsWith(prefix)) {
                result.add(new ObjectInfo(name, data.length));
            }
        });
        return result;
    }

    @Override
    public void delete(String name) {
        objects.remove(ObjectNames.check(name));
    }

    @Override
    public String location() {
        return "memory:";
    }

    private byte[] require(String name) throws IOException {
        byte[] data = objects.get(ObjectNames.check(name));
        if (data == null) {
            throw new NoSuchObjectException(location(), name);
        }
        return data;
    }
}
