package org.mailsnap.repository;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.mailsnap.model.BlobId;
import org.mailsnap.model.BlobIndex;
import org.mailsnap.model.BlobLocation;

/** A {@link BlobIndex} in a hash map: for tests and small repositories. Thread-safe; a later location wins. */
public final class MemoryBlobIndex implements BlobIndex {
    private final Map<BlobId, BlobLocation> locations = new ConcurrentHashMap<>();

    @Override
    public Optional<BlobLocation> find(BlobId id) {
        return Optional.ofNullable(locations.get(id));
    }

    @Override
    public void addAll(Iterable<Map.Entry<BlobId, BlobLocation>> entries) {
        entries.forEach(e -> locations.put(e.getKey(), e.getValue()));
    }

    public int size() {
        return locations.size();
    }
}
