package org.mailsnap.repository;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.crypto.SecretKey;
import org.mailsnap.crypto.SubKeys;
import org.mailsnap.model.PackId;
import org.mailsnap.storage.Storage;

/** Pack keys of recently read packs (a key costs a ranged read of the pack's prefix and an HKDF). Thread-safe. */
final class PackKeyCache {
    private static final int CAPACITY = 1024;
    private final Storage storage;
    private final SubKeys keys;
    private final Map<PackId, SecretKey> cache = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<PackId, SecretKey> eldest) {
            return size() > CAPACITY;
        }
    };

    PackKeyCache(Storage storage, SubKeys keys) {
        this.storage = storage;
        this.keys = keys;
    }

    SecretKey keyOf(PackId packId) throws IOException {
        synchronized (cache) {
            SecretKey key = cache.get(packId);
            if (key != null) {
                return key;
            }
        }
        byte[] prefix = storage.getRange(PackFormat.objectName(packId), 0, PackFormat.PREFIX_LENGTH);
        SecretKey key = keys.packKey(PackReader.parsePrefix(prefix, packId));
        synchronized (cache) {
            cache.put(packId, key);
        }
        return key;
    }
}
