package org.mailsnap.repository;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.mailsnap.crypto.Sha256;
import org.mailsnap.crypto.SubKeys;
import org.mailsnap.storage.ObjectInfo;
import org.mailsnap.storage.Storage;

/**
 * Encrypted objects (index files, snapshots, locks) under {@code <kind directory>/<id>}. An id is the SHA-256 of
 * the stored bytes: unique (every object has a random salt), checkable without the key, never rewritten.
 * Thread-safe.
 */
public final class ObjectStore {
    private final Storage storage;
    private final SubKeys keys;
    private final Random random;
    private final int compressionLevel;

    ObjectStore(Storage storage, SubKeys keys, Random random, int compressionLevel) {
        this.storage = storage;
        this.keys = keys;
        this.random = random;
        this.compressionLevel = compressionLevel;
    }

    /** Encrypts and publishes {@code plaintext}; returns the new object's id (64 hex digits). */
    public String save(ObjectKind kind, byte[] plaintext) throws IOException {
        byte[] bytes = ObjectCodec.encode(kind, plaintext, keys, random, compressionLevel);
        String id = Sha256.hex(bytes);
        ObjectCodec.decode(kind, id, bytes, keys);
        storage.put(kind.objectName(id), bytes);
        return id;
    }

    /** The plaintext of object {@code id}; checks its name, authenticity and format. */
    public byte[] load(ObjectKind kind, String id) throws IOException {
        requireId(id);
        byte[] bytes = storage.get(kind.objectName(id));
        String actual = Sha256.hex(bytes);
        if (!actual.equals(id)) {
            throw new CorruptObjectException(
                    kind.describe(id), "content hash is " + actual + ", not its name (corrupted or truncated)");
        }
        return ObjectCodec.decode(kind, id, bytes, keys);
    }

    /** Ids of the objects of {@code kind} in the listing, which may lag behind recent writes. */
    public List<String> list(ObjectKind kind) throws IOException {
        String prefix = kind.directory() + "/";
        List<String> ids = new ArrayList<>();
        for (ObjectInfo info : storage.list(prefix)) {
            String id = info.name().substring(prefix.length());
            if (Hex.isSha256(id)) {
                ids.add(id);
            }
        }
        return ids;
    }

    public void delete(ObjectKind kind, String id) throws IOException {
        requireId(id);
        storage.delete(kind.objectName(id));
    }

    private static void requireId(String id) {
        if (!Hex.isSha256(id)) {
            throw new IllegalArgumentException("object id must be 64 lower-case hex digits: " + id);
        }
    }
}
